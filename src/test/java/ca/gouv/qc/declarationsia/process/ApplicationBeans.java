package ca.gouv.qc.declarationsia.process;

import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.MethodMetadata;

/**
 * The names of the beans the application defines, read as Spring's component scan reads them (stereotype classes
 * under the application's package, named by their annotation or their class, and their {@code @Bean} methods),
 * without starting the application. Beans of a profile or a condition are counted as if present.
 */
final class ApplicationBeans {

    private static final String APPLICATION_PACKAGE = "ca.gouv.qc.declarationsia";

    private ApplicationBeans() {
    }

    static Set<String> names() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Set<String> names = new HashSet<>();
        for (BeanDefinition component : scanner.findCandidateComponents(APPLICATION_PACKAGE)) {
            names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(component, registry));
            if (component instanceof AnnotatedBeanDefinition annotated) {
                for (MethodMetadata method : annotated.getMetadata().getAnnotatedMethods(Bean.class.getName())) {
                    MergedAnnotation<Bean> bean = method.getAnnotations().get(Bean.class);
                    String[] declared = bean.getStringArray("name");
                    names.addAll(declared.length == 0 ? Set.of(method.getMethodName()) : Set.of(declared));
                }
            }
        }
        return names;
    }
}
