package ca.gouv.qc.declarationsia.organization;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A ministerial portfolio (portefeuille ministériel). Reference data, seeded by migration. */
@Table("portfolio")
public record Portfolio(@Id String code, String nameFr, String nameEn) {

    public String name(boolean english) {
        return english ? nameEn : nameFr;
    }
}
