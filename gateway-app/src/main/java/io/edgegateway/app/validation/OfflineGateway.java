package io.edgegateway.app.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.edgegateway.app.explain.ExplainRequest;
import io.edgegateway.app.explain.RouteExplanation;
import io.edgegateway.app.web.Causes;
import io.edgegateway.routes.file.ClaimedRoute;
import io.edgegateway.routes.file.RouteFileChecker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The gateway as the offline validator builds it ({@link OfflineGatewayConfiguration}):
 * the jar's own defaults and the given configuration files, read as the gateway reads
 * them (later files win), with no web server, Redis, session store or network. It checks
 * a directory of route files as the gateway applies them when it starts: in name order,
 * each against the application's own routes and the files before it that apply.
 */
final class OfflineGateway implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final RouteFileChecker checker;

	private final GatewayProperties gateway;

	private OfflineGateway(ConfigurableApplicationContext context) {
		this.context = context;
		this.checker = context.getBean(RouteFileChecker.class);
		this.gateway = context.getBean(GatewayProperties.class);
	}

	/**
	 * Build the gateway from configuration files.
	 * @param configurations the gateway's configuration files, later ones overriding
	 * earlier ones; none for the jar's defaults alone
	 * @return the gateway, ready to check route files
	 * @throws CannotValidateException if a file cannot be read, or the configuration is
	 * invalid, its own routes included
	 */
	static OfflineGateway start(List<Path> configurations) {
		configurations.forEach(OfflineGateway::checkReadable);
		StandardEnvironment environment = new StandardEnvironment();
		// Secrets are not needed to check routes: a ${CLIENT_SECRET} stays as it is.
		environment.setIgnoreUnresolvableNestedPlaceholders(true);
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(OfflineGatewayConfiguration.class).environment(environment)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.registerShutdownHook(false)
				.run(arguments(configurations));
		}
		catch (RuntimeException ex) {
			throw new CannotValidateException("the gateway's configuration is invalid: " + reason(ex), ex);
		}
		return new OfflineGateway(context);
	}

	/**
	 * A configuration file Spring Boot can read; a YAML file is read here first, since
	 * Spring Boot's own error would not name it.
	 */
	private static void checkReadable(Path configuration) {
		if (!Files.isRegularFile(configuration) || !Files.isReadable(configuration)) {
			throw new CannotValidateException("--config " + configuration + ": not a readable file");
		}
		String name = configuration.getFileName().toString();
		if (name.endsWith(".yaml") || name.endsWith(".yml")) {
			try {
				new YamlPropertySourceLoader().load(name, new FileSystemResource(configuration));
			}
			catch (IOException | RuntimeException ex) {
				throw new CannotValidateException(
						"--config " + configuration + ": not valid YAML: " + oneLine(ex.getMessage()), ex);
			}
		}
	}

	/**
	 * Where the configuration comes from: the jar's own {@code application.yaml} and the
	 * given files, never a stray {@code application.yaml} in the working directory; and
	 * what is never built, whatever the files say: a web server, the gateway's actuator
	 * endpoint (it needs one), the token cache (it would connect to Redis).
	 */
	private static String[] arguments(List<Path> configurations) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--spring.config.location=classpath:/");
		if (!configurations.isEmpty()) {
			arguments.add("--spring.config.additional-location=" + configurations.stream()
				.map((file) -> "file:" + file.toAbsolutePath())
				.collect(Collectors.joining(",")));
		}
		arguments.add("--spring.main.web-application-type=none");
		arguments.add("--management.endpoint.gateway.access=none");
		arguments.add("--edge.token-cache.enabled=false");
		return arguments.toArray(String[]::new);
	}

	/**
	 * Check every route file of a directory.
	 * @param directory the directory
	 * @return what each file would do
	 * @throws CannotValidateException if the directory cannot be read or holds no route
	 * file
	 */
	ValidationReport validate(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new CannotValidateException(directory + ": not a directory");
		}
		List<ValidationReport.CheckedFile> checked = new ArrayList<>();
		List<ClaimedRoute> applied = new ArrayList<>(this.checker.claimsOf(this.gateway.getRoutes()));
		List<RouteDefinition> serving = new ArrayList<>();
		try {
			Map<String, Path> files = RouteFileChecker.list(directory);
			if (files.isEmpty()) {
				throw new CannotValidateException(directory
						+ ": no route files (*.yaml, *.yml, in it or one subdirectory down); nothing to validate");
			}
			for (Map.Entry<String, Path> file : files.entrySet()) {
				String text = Files.readString(file.getValue());
				RouteFileChecker.Checked result = this.checker.check(file.getKey(), text,
						this.gateway.getDefaultFilters(), applied);
				if (result.problems().isEmpty()) {
					applied.addAll(result.claims());
					serving.addAll(result.routes());
				}
				checked.add(ValidationReport.CheckedFile.of(file.getKey(), file.getValue(), result));
			}
		}
		catch (IOException ex) {
			throw new CannotValidateException(directory + ": cannot be read: " + ex.getMessage(), ex);
		}
		return new ValidationReport(directory, checked, serving);
	}

	/**
	 * Explain a request's routing decision over the routes that would serve: the
	 * application's own and those of the files that would apply
	 * ({@link OfflineExplainer}).
	 * @param report what {@link #validate} found
	 * @param request the request and its user's claims
	 * @return the explanation
	 * @throws CannotValidateException if the request makes no request URI or a claim has
	 * the wrong type
	 */
	RouteExplanation explain(ValidationReport report, ExplainRequest request) {
		List<RouteDefinition> serving = new ArrayList<>(this.gateway.getRoutes());
		serving.addAll(report.applied());
		try {
			return new OfflineExplainer(this.context, serving).explain(request);
		}
		catch (IllegalArgumentException ex) {
			throw new CannotValidateException("--explain: " + ex.getMessage(), ex);
		}
	}

	/**
	 * One line that says what is wrong and, for a property that does not bind, which
	 * property in which file.
	 */
	private static String reason(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		String message = oneLine((root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName());
		BindException bind = Causes.find(ex, BindException.class);
		if (bind == null) {
			return message;
		}
		Origin origin = (bind.getProperty() != null) ? bind.getProperty().getOrigin() : null;
		return bind.getName() + ((origin != null) ? " (" + origin + ")" : "") + ": " + message;
	}

	private static String oneLine(@Nullable String message) {
		return (message != null) ? message.replaceAll("\\s+", " ").trim() : "unreadable";
	}

	@Override
	public void close() {
		this.context.close();
	}

}
