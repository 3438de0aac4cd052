package ca.gouv.qc.declarationsia.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.WebUtils;

/**
 * An upload over the limit, on any page or endpoint: answered 413 by {@link ErrorPages}, naming the file. The
 * failure is recorded as the request's error first, so the error dispatch does not read the oversized body again
 * (which would fail the same way and leave an empty answer).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(MaxUploadSizeExceededException exception, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, exception);
        response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
    }
}
