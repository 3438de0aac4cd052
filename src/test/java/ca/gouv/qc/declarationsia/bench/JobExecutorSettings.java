package ca.gouv.qc.declarationsia.bench;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor's knobs, read from the running engine or set on it, so that one run measures our tuned settings
 * and the naive baseline with Camunda's defaults (the pool's queue capacity is fixed at start-up and stays ours).
 */
record JobExecutorSettings(int corePoolSize, int maxPoolSize, int maxJobsPerAcquisition, int waitTimeInMillis,
        long maxWait, boolean acquireByPriority) {

    /** Camunda 7.24's Spring Boot starter defaults. */
    static final JobExecutorSettings CAMUNDA_DEFAULTS = new JobExecutorSettings(3, 10, 3, 5000, 60000, false);

    static JobExecutorSettings of(ProcessEngineConfigurationImpl configuration) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        ThreadPoolTaskExecutor pool = pool(configuration);
        return new JobExecutorSettings(pool.getCorePoolSize(), pool.getMaxPoolSize(),
                jobExecutor.getMaxJobsPerAcquisition(), jobExecutor.getWaitTimeInMillis(), jobExecutor.getMaxWait(),
                configuration.isJobExecutorAcquireByPriority());
    }

    void applyTo(ProcessEngineConfigurationImpl configuration) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        ThreadPoolTaskExecutor pool = pool(configuration);
        if (maxPoolSize >= pool.getCorePoolSize()) {
            pool.setMaxPoolSize(maxPoolSize);
            pool.setCorePoolSize(corePoolSize);
        } else {
            pool.setCorePoolSize(corePoolSize);
            pool.setMaxPoolSize(maxPoolSize);
        }
        jobExecutor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
        jobExecutor.setWaitTimeInMillis(waitTimeInMillis);
        jobExecutor.setMaxWait(maxWait);
        configuration.setJobExecutorAcquireByPriority(acquireByPriority);
    }

    String describe() {
        return "pool %d-%d threads, %d jobs per acquisition, idle wait %d ms (max %d ms), by priority: %s".formatted(
                corePoolSize, maxPoolSize, maxJobsPerAcquisition, waitTimeInMillis, maxWait, acquireByPriority ? "yes" : "no");
    }

    private static ThreadPoolTaskExecutor pool(ProcessEngineConfigurationImpl configuration) {
        return (ThreadPoolTaskExecutor) ((SpringJobExecutor) configuration.getJobExecutor()).getTaskExecutor();
    }
}
