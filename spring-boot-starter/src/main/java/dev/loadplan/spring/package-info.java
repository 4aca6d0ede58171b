/**
 * loadplan's Spring Boot starter: {@link dev.loadplan.spring.LoadPlanAutoConfiguration} configures a {@code Jdbi} that
 * joins Spring-managed transactions ({@link dev.loadplan.spring.SpringJdbi}), the {@code loadplan.snapshot-check}
 * property ({@link dev.loadplan.spring.LoadPlanProperties}) and the translation of loadplan's and JDBI's exceptions
 * into Spring's {@code DataAccessException}s ({@link dev.loadplan.spring.LoadPlanExceptionTranslator}); with
 * OpenTelemetry, a span per load and one per statement under it
 * ({@link dev.loadplan.spring.LoadPlanTracingAutoConfiguration}, {@link dev.loadplan.spring.OpenTelemetryPlanListener}).
 */
package dev.loadplan.spring;
