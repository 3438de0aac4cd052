package ca.gouv.qc.declarationsia.organization;

import org.springframework.data.relational.core.mapping.Table;

/** A person the ministry writes to: a respondent or the body's escalation contact (its information officer). */
@Table("organization_respondent")
public record Contact(String name, String email) {
}
