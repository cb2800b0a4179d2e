package io.edgegateway.app.validation;

import java.io.PrintStream;
import java.util.List;

import io.edgegateway.app.explain.ExplainRequest;

/**
 * {@code java -jar edge-gateway-app.jar --validate <directory> [--config <file>]...
 * [--format text|json] [--explain <request>]}: checks a directory of route files with the
 * same rules and messages as the running gateway, for platform teams' CI, without
 * serving, without network and without secrets; with {@code --explain}, also explains a
 * request's routing decision over the routes that would serve, as the gateway's
 * {@code routeexplain} endpoint does. The gateway's configuration files give what routes
 * are checked against (client registrations by name and grant type, keys by name, teams
 * and their grants, default filters, whether a credential is required, the application's
 * own routes); without them, the jar's defaults alone (no registrations, no teams).
 * <p>
 * Exit codes: {@code 0} every file would apply, {@code 1} some file would be rejected,
 * {@code 2} the validator could not run (bad arguments, a directory that cannot be read
 * or holds no route file, a configuration file that cannot be read or is invalid), with
 * the reason in one line on standard error.
 */
public final class RouteValidationCommand {

	private static final String PREFIX = "edge-gateway --validate: ";

	private static final List<String> FAILED_START_REPORTS = List.of("org.springframework.boot.SpringApplication",
			"org.springframework.boot.diagnostics",
			"org.springframework.context.annotation.AnnotationConfigApplicationContext");

	private RouteValidationCommand() {
	}

	/**
	 * Whether a command line asks for validation rather than for the gateway to serve.
	 * @param args the command line
	 * @return whether {@code --validate} is anywhere in it
	 */
	public static boolean requested(String[] args) {
		return ValidationOptions.requested(args);
	}

	/**
	 * Validate, as the process's command: findings on standard output and nothing else
	 * there; Spring's logging (at {@code WARN}) and the reason of a failure on standard
	 * error.
	 * @param args the command line
	 * @return the exit code
	 */
	public static int runAsProcess(String[] args) {
		PrintStream findings = System.out;
		System.setOut(System.err);
		System.setProperty("logging.level.root", "WARN");
		// Their reports of a failed start would repeat, with a stack trace, the one line
		// this command writes.
		for (String logger : FAILED_START_REPORTS) {
			System.setProperty("logging.level." + logger, "OFF");
		}
		return run(args, findings, System.err);
	}

	/**
	 * Validate.
	 * @param args the command line
	 * @param out where the findings go
	 * @param err where the reason goes when the validator cannot run
	 * @return the exit code
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		ValidationOptions options;
		try {
			options = ValidationOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(PREFIX + ex.getMessage() + "; " + ValidationOptions.USAGE);
			return 2;
		}
		try (OfflineGateway gateway = OfflineGateway.start(options.configurations())) {
			ValidationReport report = gateway.validate(options.directory());
			ExplainRequest explain = options.explain();
			options.format().write(report, (explain != null) ? gateway.explain(report, explain) : null, out);
			return report.exitCode();
		}
		catch (CannotValidateException ex) {
			err.println(PREFIX + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			// Never 1, which says the route files are wrong.
			err.println(PREFIX + "could not run: " + ex);
			return 2;
		}
	}

}
