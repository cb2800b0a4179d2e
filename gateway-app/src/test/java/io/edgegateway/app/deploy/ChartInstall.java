package io.edgegateway.app.deploy;

import io.edgegateway.app.support.TestServers;

/**
 * The chart's minimal install against the test identity provider: only the values every
 * install must give (docs/kubernetes.md), the login client's secret in a Secret created
 * beforehand.
 */
final class ChartInstall {

	static final String CLIENT_SECRET_NAME = "edge-gateway-idp";

	static final String CLIENT_SECRET_KEY = "client-secret";

	private ChartInstall() {
	}

	/**
	 * The required values and nothing else.
	 * @param publicBaseUrl the address the test's browser uses
	 * @return the values file's content
	 */
	static String minimalValues(String publicBaseUrl) {
		return minimalValues(publicBaseUrl, "");
	}

	/**
	 * The required values, followed by more.
	 * @param publicBaseUrl the address the test's browser uses
	 * @param more further values (YAML)
	 * @return the values file's content
	 */
	static String minimalValues(String publicBaseUrl, String more) {
		return """
				publicBaseUrl: %s
				idp:
				  issuerUri: %s
				  clientId: edge-gateway
				  clientSecret:
				    secretName: %s
				%s""".formatted(publicBaseUrl, TestServers.idp().issuer(), CLIENT_SECRET_NAME, more);
	}

}
