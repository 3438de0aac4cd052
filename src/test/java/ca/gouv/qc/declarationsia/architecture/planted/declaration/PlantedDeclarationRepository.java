package ca.gouv.qc.declarationsia.architecture.planted.declaration;

import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/** A repository of the planted "declaration" capability (no bean: Spring Data skips it). */
@NoRepositoryBean
public interface PlantedDeclarationRepository extends Repository<Object, Long> {

    long count();
}
