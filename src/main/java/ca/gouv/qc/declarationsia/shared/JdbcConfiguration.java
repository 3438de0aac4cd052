package ca.gouv.qc.declarationsia.shared;

import java.sql.JDBCType;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.mapping.JdbcValue;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.postgresql.util.PGobject;

/**
 * Spring Data JDBC mapping: months (YYYY-MM fields of the model) are stored as their ISO text, an initiative's
 * {@link Answers} as a json object.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

    @Override
    protected List<?> userConverters() {
        return List.of(new YearMonthWriter(), new YearMonthReader(), new AnswersWriter(), new AnswersReader());
    }

    /** Sent as text: left to itself the driver would bind a java.time type as a date. */
    @WritingConverter
    static class YearMonthWriter implements Converter<YearMonth, JdbcValue> {
        @Override
        public JdbcValue convert(YearMonth month) {
            return JdbcValue.of(month.toString(), JDBCType.VARCHAR);
        }
    }

    @ReadingConverter
    static class YearMonthReader implements Converter<String, YearMonth> {
        @Override
        public YearMonth convert(String text) {
            return YearMonth.parse(text);
        }
    }

    @WritingConverter
    static class AnswersWriter implements Converter<Answers, JdbcValue> {
        @Override
        public JdbcValue convert(Answers answers) {
            PGobject json = new PGobject();
            json.setType("jsonb");
            try {
                json.setValue(answers.json());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return JdbcValue.of(json, JDBCType.OTHER);
        }
    }

    @ReadingConverter
    static class AnswersReader implements Converter<PGobject, Answers> {
        @Override
        public Answers convert(PGobject json) {
            return Answers.parse(json.getValue());
        }
    }
}
