package ca.gouv.qc.declarationsia.bench;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Opens the {@link StepTimes} steps of the benchmark's application: every HTTP request, every call of our services,
 * repositories, rules, delegates and listeners and of the engine's services, every SQL statement, commit and wait
 * for a pooled connection. Only the benchmark imports it; each step costs about a microsecond.
 */
@TestConfiguration(proxyBeanMethods = false)
class StepTiming {

    private static final String ROOT = "ca.gouv.qc.declarationsia.";
    /** Our beans that no aspect proxies already, each worth a step of its own. */
    private static final Set<String> PLAIN_BEANS = Set.of("declarationRules", "carryOver", "initiativeIds",
            "requireSubmission", "putUnderReview", "queueInvitation", "launchDeclarationBatch", "planLaunchBatches",
            "declarationMails", "campaignCalendar", "declarationTasks", "loginThrottle",
            "camundaIdentityAuthenticationProvider", "accessPolicy", "inputValidator", "mailTemplates", "publishEdition",
            "recordApproval", "requireReviewDecision", "portraitCalculator", "reviewComparison");
    private static final Set<String> ENGINE_SERVICES = Set.of("taskService", "runtimeService", "identityService",
            "repositoryService", "historyService", "authorizationService");

    @Bean
    static BeanPostProcessor stepTimingProxies() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && !(bean instanceof Advised)) {
                    return timedDataSource(dataSource);
                }
                if (ENGINE_SERVICES.contains(name)) {
                    ProxyFactory proxy = new ProxyFactory(bean);
                    proxy.setInterfaces(ClassUtils.getAllInterfaces(bean));
                    proxy.addAdvice(interceptor("engine " + name + "."));
                    return proxy.getProxy(bean.getClass().getClassLoader());
                }
                if (bean instanceof Advised advised && ours(AopUtils.getTargetClass(bean), advised.getProxiedInterfaces())) {
                    advised.addAdvice(0, interceptor("app " + name + "."));
                    return bean;
                }
                if (PLAIN_BEANS.contains(name) && bean.getClass().getName().startsWith(ROOT) && proxiable(bean.getClass())) {
                    ProxyFactory proxy = new ProxyFactory(bean);
                    proxy.setProxyTargetClass(true);
                    proxy.addAdvice(interceptor("app " + name + "."));
                    return proxy.getProxy(bean.getClass().getClassLoader());
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> stepTimingFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            var http = (jakarta.servlet.http.HttpServletRequest) request;
            StepTimes.enter("HTTP " + http.getMethod() + " " + http.getRequestURI()
                    .replaceAll("/B-\\d+", "/{org}").replaceAll("/\\d{4}(?=/|$)", "/{year}"));
            try {
                chain.doFilter(request, response);
            } finally {
                StepTimes.exit();
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static boolean ours(Class<?> target, Class<?>[] interfaces) {
        if (target != null && target.getName().startsWith(ROOT) && !target.getName().startsWith(ROOT + "bench")) {
            return true;
        }
        return Arrays.stream(interfaces).anyMatch(type -> type.getName().startsWith(ROOT));
    }

    /** CGLIB cannot proxy a final class, and a final method would run on the proxy's empty fields. */
    private static boolean proxiable(Class<?> type) {
        return !Modifier.isFinal(type.getModifiers())
                && Arrays.stream(type.getDeclaredMethods()).noneMatch(method -> Modifier.isFinal(method.getModifiers())
                        && !Modifier.isPrivate(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()));
    }

    private static MethodInterceptor interceptor(String prefix) {
        return invocation -> {
            if (invocation.getMethod().getDeclaringClass() == Object.class) {
                return invocation.proceed();
            }
            StepTimes.enter(prefix + invocation.getMethod().getName());
            try {
                return invocation.proceed();
            } finally {
                StepTimes.exit();
            }
        };
    }

    private static DataSource timedDataSource(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(StepTiming.class.getClassLoader(),
                ClassUtils.getAllInterfaces(dataSource), (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        StepTimes.enter("JDBC getConnection (wait for the pool)");
                        try {
                            return timedConnection((Connection) invoke(dataSource, method, arguments));
                        } finally {
                            StepTimes.exit();
                        }
                    }
                    return invoke(dataSource, method, arguments);
                });
    }

    private static Connection timedConnection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StepTiming.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "prepareStatement", "prepareCall", "createStatement" -> timedStatement(
                            (Statement) invoke(connection, method, arguments),
                            arguments != null && arguments.length > 0 && arguments[0] instanceof String sql ? sql : null);
                    case "commit", "rollback" -> {
                        StepTimes.enter("JDBC " + method.getName());
                        try {
                            yield invoke(connection, method, arguments);
                        } finally {
                            StepTimes.exit();
                        }
                    }
                    default -> invoke(connection, method, arguments);
                });
    }

    private static Statement timedStatement(Statement statement, String preparedSql) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(statement, method, arguments);
            }
            String sql = arguments != null && arguments.length > 0 && arguments[0] instanceof String text ? text : preparedSql;
            StepTimes.enter(StepTimes.sqlStep(sql, method.getName().equals("executeBatch")));
            try {
                return invoke(statement, method, arguments);
            } finally {
                StepTimes.exit();
            }
        };
        return (Statement) Proxy.newProxyInstance(StepTiming.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
