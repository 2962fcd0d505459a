package dev.weir.examples.webflux;

import dev.weir.engine.InvalidArgumentException;
import dev.weir.engine.NotFoundException;
import dev.weir.engine.StoreFullException;
import dev.weir.engine.WeirException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The store's typed errors as HTTP statuses, with the store's message as the detail. */
@RestControllerAdvice
class ErrorAdvice {

  @ExceptionHandler(WeirException.class)
  ProblemDetail weirError(WeirException e) {
    return ProblemDetail.forStatusAndDetail(status(e), e.getMessage());
  }

  private static HttpStatus status(WeirException e) {
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    } else if (e instanceof InvalidArgumentException) {
      return HttpStatus.BAD_REQUEST;
    } else if (e instanceof StoreFullException) {
      return HttpStatus.INSUFFICIENT_STORAGE;
    }
    return e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
