package io.edgegateway.app.hostile;

/**
 * Raw requests to the hostile suite's gateway, written out as a client writes them.
 */
final class Requests {

	private Requests() {
	}

	/**
	 * A {@code GET} with the gateway's own {@code Host}, asking for JSON.
	 * @param path the request target
	 * @param headers further header lines, as they go on the wire
	 * @return the request's text
	 */
	static String get(String path, String... headers) {
		return request("GET " + path + " HTTP/1.1", headers);
	}

	/**
	 * A request with the gateway's own {@code Host}, asking for JSON.
	 * @param requestLine the request line
	 * @param headers further header lines, as they go on the wire
	 * @return the request's head, ending with the empty line
	 */
	static String request(String requestLine, String... headers) {
		return request(HostileGateway.get().gateway().port(), requestLine, headers);
	}

	/**
	 * A request to a gateway on a given port, asking for JSON.
	 * @param port the gateway's port, named by {@code Host}
	 * @param requestLine the request line
	 * @param headers further header lines, as they go on the wire
	 * @return the request's head, ending with the empty line
	 */
	static String request(int port, String requestLine, String... headers) {
		StringBuilder request = new StringBuilder(requestLine).append("\r\n");
		request.append("Host: 127.0.0.1:").append(port).append("\r\n");
		request.append("Accept: application/json\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		return request.append("\r\n").toString();
	}

}
