package de.ozgsdk.portal.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.ozgsdk.core.crypto.Sealer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Secrets are taken from files and the environment; one in a configuration file works, with a warning. */
class SecretSettingsTest {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @TempDir
    Path temp;
    private StarterWorld world;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void start() {
        world = new StarterWorld(temp);
        log.start();
        ((Logger) LoggerFactory.getLogger(PortalSettings.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(PortalSettings.class)).detachAppender(log);
        world.close();
    }

    @Test
    void warnsAboutASealingKeyInAConfigurationFileNamingFileAndLineButNotTheKey() {
        runner().withPropertyValues(
                "spring.config.location=classpath:de/ozgsdk/portal/spring/secret-in-file.properties")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Sealer.class).keyIds()).containsExactly("2026");
                });
        assertThat(messages()).singleElement().asString()
                .contains("ozg.portal.sealing.keys[0].value", "secret-in-file.properties", " - 3:")
                .doesNotContain(KEY);
    }

    @Test
    void aSealingKeyFromTheEnvironmentIsTakenSilently() {
        runner().withPropertyValues("ozg.portal.sealing.keys[0].id=2026", "ozg.portal.sealing.keys[0].value=" + KEY)
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(messages()).isEmpty();
    }

    @Test
    void readsTheSealingKeyFromAKeyStoreEntry() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path store = temp.resolve("sealing.p12");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setEntry("ozg-seal-2026", new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")),
                new KeyStore.PasswordProtection("ks-pass".toCharArray()));
        try (OutputStream out = Files.newOutputStream(store)) {
            keyStore.store(out, "ks-pass".toCharArray());
        }
        byte[] sealed = Sealer.builder().key("2026", key).build().seal(new byte[] {4, 7, 1, 1}, new byte[0]);
        runner().withPropertyValues("ozg.portal.sealing.keys[0].id=2026",
                "ozg.portal.sealing.keys[0].keystore.path=" + store,
                "ozg.portal.sealing.keys[0].keystore.password=ks-pass",
                "ozg.portal.sealing.keys[0].keystore.alias=ozg-seal-2026").run(context ->
                        assertThat(context.getBean(Sealer.class).open(sealed, new byte[0]))
                                .containsExactly(4, 7, 1, 1));
        runner().withPropertyValues("ozg.portal.sealing.keys[0].id=2026",
                "ozg.portal.sealing.keys[0].keystore.path=" + store,
                "ozg.portal.sealing.keys[0].keystore.password=ks-pass",
                "ozg.portal.sealing.keys[0].keystore.alias=other").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PortalSettingException.class)
                            .hasMessageContaining("ozg.portal.sealing.keys[0].keystore.path")
                            .hasMessageContaining("OZG-SPRING-103");
                });
    }

    private ApplicationContextRunner runner() {
        String[] withoutSealing = world.properties().stream().filter(p -> !p.startsWith("ozg.portal.sealing"))
                .toArray(String[]::new);
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(OzgPortalAutoConfiguration.class))
                .withPropertyValues(withoutSealing);
    }

    private List<String> messages() {
        return log.list.stream().flatMap(e -> Stream.of(e.getFormattedMessage())).toList();
    }
}
