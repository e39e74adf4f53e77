package de.ozgsdk.portal.spring;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.portal.runtime.ServiceRuntime;
import de.ozgsdk.portal.web.OzgServlet;
import de.ozgsdk.portal.web.SecurityHeadersFilter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** When the servlet and the security headers filter are registered, and where. */
class OzgPortalWebAutoConfigurationTest {

    private static final AutoConfigurations STARTER = AutoConfigurations.of(OzgPortalAutoConfiguration.class,
            OzgPortalWebAutoConfiguration.class);

    @TempDir
    Path temp;
    private StarterWorld world;

    @BeforeEach
    void startWorld() {
        world = new StarterWorld(temp);
    }

    @AfterEach
    void stopWorld() {
        world.close();
    }

    @Test
    void registersServletAndHeadersFilterUnderTheConfiguredPath() {
        new WebApplicationContextRunner().withConfiguration(STARTER)
                .withPropertyValues(world.all("ozg.portal.path=/buergerservice/*")).run(context -> {
                    assertThat(context).hasNotFailed();
                    ServletRegistrationBean<?> servlet = context.getBean(ServletRegistrationBean.class);
                    assertThat(servlet.getServlet()).isInstanceOf(OzgServlet.class);
                    assertThat(servlet.getUrlMappings()).containsExactly("/buergerservice/*");
                    FilterRegistrationBean<?> filter = context.getBean(FilterRegistrationBean.class);
                    assertThat(filter.getFilter()).isInstanceOf(SecurityHeadersFilter.class);
                    assertThat(filter.getUrlPatterns()).containsExactly("/buergerservice/*");
                });
    }

    @Test
    void defaultPathIsOzg() {
        new WebApplicationContextRunner().withConfiguration(STARTER).withPropertyValues(world.all())
                .run(context -> assertThat(context.getBean(ServletRegistrationBean.class).getUrlMappings())
                        .containsExactly("/ozg/*"));
    }

    @Test
    void aPathThatIsNoServletMappingStopsTheStartNamingTheSetting() {
        new WebApplicationContextRunner().withConfiguration(STARTER)
                .withPropertyValues(world.all("ozg.portal.path=/ozg")).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PortalSettingException.class)
                            .hasMessageContaining("ozg.portal.path");
                });
    }

    @Test
    void aNonWebApplicationGetsTheRuntimeButNoServlet() {
        new ApplicationContextRunner().withConfiguration(STARTER).withPropertyValues(world.all()).run(context -> {
            assertThat(context).hasSingleBean(ServiceRuntime.class);
            assertThat(context).doesNotHaveBean(OzgServlet.class);
            assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
        });
    }

    @Test
    void withoutTheServletApiTheRuntimeStillStarts() {
        new WebApplicationContextRunner().withConfiguration(STARTER)
                .withClassLoader(new FilteredClassLoader("jakarta.servlet.http.HttpServlet"))
                .withPropertyValues(world.all()).run(context -> {
                    assertThat(context).hasSingleBean(ServiceRuntime.class);
                    assertThat(context).doesNotHaveBean(OzgServlet.class);
                });
    }

    @Test
    void canBeLeftToTheApplication() {
        new WebApplicationContextRunner().withConfiguration(STARTER)
                .withPropertyValues(world.all("ozg.portal.web.enabled=false"))
                .run(context -> assertThat(context).doesNotHaveBean(ServletRegistrationBean.class));
    }
}
