package io.edgegateway.routes.file;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.edgegateway.routes.precedence.RouteSpace;
import io.edgegateway.routes.precedence.SegmentPattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TeamGrantsTests {

	@Test
	void everyWrongGrantIsNamedAtOnce() {
		Map<String, RoutesProperties.Team> teams = new LinkedHashMap<>();
		teams.put("a", team(List.of("a.yaml"), List.of("/api/*"), List.of("*.*.example.com")));
		teams.put("b", team(List.of("a.yaml", "../etc"), List.of(), List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> TeamGrants.of(teams))
			.withMessageContaining("edge.routes.teams.a.paths: '/api/*' must be a path prefix without wildcards")
			.withMessageContaining("edge.routes.teams.a.hosts: '*.*.example.com' must be a host name")
			.withMessageContaining("edge.routes.teams.b.files: 'a.yaml' is already granted to team 'a'")
			.withMessageContaining("edge.routes.teams.b.files: '../etc' must be a file name or a subdirectory")
			.withMessageContaining("edge.routes.teams.b.paths: names no path prefix");
	}

	@Test
	void aFileBelongsToTheTeamGrantedItOrItsSubdirectory() {
		TeamGrants grants = TeamGrants
			.of(Map.of("shop", team(List.of("shop/", "cart.yaml"), List.of("/shop"), List.of())));
		assertThat(grants.enforced()).isTrue();
		assertThat(grants.grantOf("shop/web.yaml")).extracting(TeamGrants.Grant::team).isEqualTo("shop");
		assertThat(grants.grantOf("cart.yaml")).extracting(TeamGrants.Grant::team).isEqualTo("shop");
		assertThat(grants.grantOf("shopping.yaml")).isNull();
		assertThat(grants.grantOf("shop/deeper/web.yaml")).isNull();
		assertThat(TeamGrants.of(Map.of()).enforced()).isFalse();
	}

	@Test
	void aRouteStaysWithinItsTeamsPathsAndHosts() {
		TeamGrants.Grant grant = TeamGrants
			.of(Map.of("shop",
					team(List.of("shop/"), List.of("/shop"), List.of("shop.example.com", "*.shop.example.com"))))
			.grantOf("shop/web.yaml");
		assertThat(grant.confine(space(List.of("eu.shop.example.com"), List.of("/shop/**")))).isEmpty();
		assertThat(grant.confine(space(List.of("shop.example.com"), List.of("/shop")))).isEmpty();
		assertThat(grant.confine(space(List.of(), List.of("/shop/**"))))
			.containsExactly("predicates: needs a Host predicate within team 'shop''s hosts [shop.example.com, "
					+ "*.shop.example.com]");
		assertThat(grant.confine(space(List.of("example.com"), List.of()))).containsExactly(
				"predicates: needs a Path predicate under team 'shop''s paths [/shop]",
				"predicates: Host 'example.com' is outside team 'shop''s hosts [shop.example.com, *.shop.example.com]");
		assertThat(grant.confine(space(List.of("shop.example.com"), List.of("/shop/**", "/admin/**"))))
			.containsExactly("predicates: Path '/admin/**' is outside team 'shop''s paths [/shop]");
	}

	private static RouteSpace space(List<String> hosts, List<String> paths) {
		return new RouteSpace(hosts.stream().map(SegmentPattern::host).toList(),
				paths.stream().map(SegmentPattern::path).toList(), 0);
	}

	private static RoutesProperties.Team team(List<String> files, List<String> paths, List<String> hosts) {
		RoutesProperties.Team team = new RoutesProperties.Team();
		team.setFiles(files);
		team.setPaths(paths);
		team.setHosts(hosts);
		return team;
	}

}
