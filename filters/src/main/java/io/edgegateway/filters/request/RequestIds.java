package io.edgegateway.filters.request;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The request id of an exchange: a well-formed inbound value is kept so a caller's
 * correlation id survives, anything else is replaced by a new random id.
 */
public final class RequestIds {

	/**
	 * Exchange attribute that holds the request id.
	 */
	public static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

	private RequestIds() {
	}

	/**
	 * The id a request carries on: the single inbound value when it is well-formed (1 to
	 * 128 characters of letters, digits, {@code . _ : -}), otherwise a new random
	 * (version 4) UUID. A correlation id is no secret: it comes from the thread's own
	 * generator, not from {@link UUID#randomUUID()}, whose {@code SecureRandom}
	 * serialises every request of the process on one lock and reads {@code /dev/urandom}.
	 * @param inbound the inbound header values, possibly {@code null}
	 * @return the request id
	 */
	public static String resolve(@Nullable List<String> inbound) {
		if (inbound != null && inbound.size() == 1 && WELL_FORMED.matcher(inbound.get(0)).matches()) {
			return inbound.get(0);
		}
		return randomUuid().toString();
	}

	private static UUID randomUuid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
		long leastSignificant = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(mostSignificant, leastSignificant);
	}

	/**
	 * The request id already assigned to an exchange.
	 * @param exchange the exchange
	 * @return the request id
	 * @throws IllegalStateException if none was assigned (the {@link RequestIdWebFilter}
	 * is not installed)
	 */
	public static String of(ServerWebExchange exchange) {
		String id = exchange.getAttribute(ATTRIBUTE);
		if (id == null) {
			throw new IllegalStateException("No request id on the exchange: is RequestIdWebFilter installed?");
		}
		return id;
	}

}
