package dev.loadplan.spring.app;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application with nothing of loadplan's but the starter, entities and a DataSource from properties. */
@SpringBootApplication
public class LibraryApplication {

    /** A JDBI plugin bean, which the starter installs on its Jdbi: it defines an attribute the tests look for. */
    @Bean
    JdbiPlugin libraryPlugin() {
        return new JdbiPlugin() {
            @Override
            public void customizeJdbi(Jdbi jdbi) {
                jdbi.define("installedBy", "libraryPlugin");
            }
        };
    }
}
