package ca.gouv.qc.declarationsia.shared.web;

import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.MediaType;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors of the JSON API as {@code application/problem+json}, in the caller's language, shaped by {@link Problems}. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;
    private final InputValidator validator;
    private final Problems problems;

    ApiExceptionHandler(MessageSource messages, InputValidator validator, Problems problems) {
        this.messages = messages;
        this.validator = validator;
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException exception) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "error.invalidInput");
        problem.setProperty("errors", exception.violations());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException exception) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle(message("error.notFound.title"));
        problem.setDetail(messages.getMessage(exception.messageKey(), exception.arguments(), locale()));
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden() {
        return problem(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail conflict() {
        return problem(HttpStatus.CONFLICT, "error.concurrentModification");
    }

    /** Unreadable JSON, or a value of the wrong type: the field is named when Jackson knows where it was. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Violation duplicate = JsonFields.duplicateKey(exception.getCause(), validator);
        if (duplicate != null) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalidInput");
            problem.setProperty("errors", List.of(duplicate));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        boolean located = exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, located ? "error.invalidInput" : "error.malformedRequest");
        problem.setProperty("errors", List.of(located
                ? JsonFields.violation((JsonMappingException) exception.getCause(), validator)
                : validator.violation("body", "Unreadable", "validation.body.unreadable")));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A path or query parameter of the wrong type ({@code /api/campaigns/abc}, {@code ?page=x}). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.parameters");
        String name = exception.getPropertyName() == null ? "" : exception.getPropertyName();
        problem.setProperty("errors", List.of(validator.parameterViolation(name, "TypeMismatch",
                TypeNames.messageKey(exception.getRequiredType()))));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A body of a type this resource does not read (a form for JSON): which types it does read. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.status.415");
        String sent = exception.getContentType() == null ? "" : exception.getContentType().toString();
        String accepted = exception.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        problem.setDetail(messages.getMessage("error.status.415.accepted", new Object[] {sent, accepted}, locale()));
        problem.setProperty("accepted", exception.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                .toList());
        // the title and detail are said here already: not replaced by the generic ones below
        return super.handleExceptionInternal(exception, problem, headers, status, request);
    }

    /** Every other error Spring MVC answers itself (405, 413, 415…), titled and said in the caller's language. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null || body instanceof ProblemDetail) {
            ProblemDetail problem = body == null ? ProblemDetail.forStatus(status) : (ProblemDetail) body;
            problem.setTitle(message("error.status." + status.value() + ".title"));
            problem.setDetail(message("error.status." + status.value()));
            body = problem;
        }
        return super.handleExceptionInternal(exception, body, headers, status, request);
    }

    private ProblemDetail problem(HttpStatus status, String key) {
        return problems.problem(status, key, locale());
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
