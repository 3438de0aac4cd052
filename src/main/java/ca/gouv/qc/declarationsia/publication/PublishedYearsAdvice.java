package ca.gouv.qc.declarationsia.publication;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The home page lists the published Portraits; publication offers them, so nothing else has to depend on it. */
@ControllerAdvice(basePackages = "ca.gouv.qc.declarationsia.web")
class PublishedYearsAdvice {

    private final JdbcClient jdbc;

    PublishedYearsAdvice(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ModelAttribute("publishedYears")
    List<Integer> publishedYears() {
        return jdbc.sql("select distinct campaign_year from published_edition where not baseline order by campaign_year desc")
                .query(Integer.class).list();
    }
}
