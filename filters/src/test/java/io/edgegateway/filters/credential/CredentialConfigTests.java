package io.edgegateway.filters.credential;

import java.util.List;

import io.edgegateway.filters.credential.delegation.DelegatedServiceAccountGatewayFilterFactory;
import io.edgegateway.filters.credential.exchange.TokenExchangeGatewayFilterFactory;
import io.edgegateway.filters.credential.obo.OnBehalfOfGatewayFilterFactory;
import io.edgegateway.filters.credential.serviceaccount.ServiceAccountGatewayFilterFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CredentialConfigTests {

	@Test
	void toSpecWhenTokenExchangeCompleteThenSpecWithSortedScopes() {
		TokenExchangeGatewayFilterFactory.Config config = new TokenExchangeGatewayFilterFactory.Config();
		config.setRouteId("orders");
		config.setSubjectTokenType("id_token").setActorRegistration("gateway-sa");
		config.setAudience("orders-api");
		config.setRegistration("idp-exchange").setScope("orders.write orders.read,orders.read");
		CredentialSpec spec = config.toSpec();
		assertThat(spec.mode()).isEqualTo(CredentialMode.TOKEN_EXCHANGE);
		assertThat(spec.scopes()).containsExactly("orders.read", "orders.write");
		assertThat(spec.subjectTokenType()).isEqualTo(CredentialSpec.SubjectTokenType.ID_TOKEN);
		assertThat(spec.actorRegistration()).isEqualTo("gateway-sa");
	}

	@Test
	void toSpecWhenTokenExchangeWithoutAudienceThenNamesRouteAndField() {
		TokenExchangeGatewayFilterFactory.Config config = new TokenExchangeGatewayFilterFactory.Config();
		config.setRouteId("orders");
		config.setRegistration("idp-exchange");
		assertThatExceptionOfType(InvalidCredentialSpecException.class).isThrownBy(config::toSpec)
			.withMessageStartingWith("route 'orders': audience: is required (or resource)");
	}

	@Test
	void toSpecWhenRegistrationMissingThenNamesRouteAndField() {
		ServiceAccountGatewayFilterFactory.Config config = new ServiceAccountGatewayFilterFactory.Config();
		config.setRouteId("reports");
		assertThatExceptionOfType(InvalidCredentialSpecException.class).isThrownBy(config::toSpec)
			.withMessage("route 'reports': registration: is required");
	}

	@Test
	void toSpecWhenScopeMalformedThenNamesTheScope() {
		ServiceAccountGatewayFilterFactory.Config config = new ServiceAccountGatewayFilterFactory.Config();
		config.setRouteId("reports");
		config.setRegistration("reports-sa").setScope("reports.read \"quoted\"");
		assertThatExceptionOfType(InvalidCredentialSpecException.class).isThrownBy(config::toSpec)
			.withMessage("route 'reports': scope: '\"quoted\"' is not a valid scope (RFC 6749 section 3.3)");
	}

	@Test
	void toSpecWhenOnBehalfOfWithoutScopeOrBadSubjectTypeThenRejected() {
		OnBehalfOfGatewayFilterFactory.Config obo = new OnBehalfOfGatewayFilterFactory.Config();
		obo.setRouteId("entra");
		obo.setRegistration("entra-obo");
		assertThatExceptionOfType(InvalidCredentialSpecException.class).isThrownBy(obo::toSpec)
			.withMessageStartingWith("route 'entra': scope: is required");
		TokenExchangeGatewayFilterFactory.Config exchange = new TokenExchangeGatewayFilterFactory.Config();
		exchange.setRouteId("orders");
		exchange.setSubjectTokenType("saml2");
		exchange.setAudience("a");
		exchange.setRegistration("idp");
		assertThatExceptionOfType(InvalidCredentialSpecException.class).isThrownBy(exchange::toSpec)
			.withMessage("route 'orders': subject-token-type: 'saml2' is not one of access_token, id_token");
	}

	@Test
	void toSpecWhenDelegationThenServiceAccountIsTheRegistration() {
		DelegatedServiceAccountGatewayFilterFactory.Config config = new DelegatedServiceAccountGatewayFilterFactory.Config();
		config.setRouteId("drive");
		config.setServiceAccount("workspace").setScope("https://www.googleapis.com/auth/drive.readonly");
		CredentialSpec spec = config.toSpec();
		assertThat(spec.registration()).isEqualTo("workspace");
		assertThat(spec.scopes()).isEqualTo(List.of("https://www.googleapis.com/auth/drive.readonly"));
		config.setServiceAccount(null);
		assertThatExceptionOfType(InvalidCredentialSpecException.class).isThrownBy(config::toSpec)
			.withMessage("route 'drive': service-account: is required");
	}

}
