package io.omnirec.http;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON body of every 4xx/5xx answer: a stable {@code error} code and a sentence. */
@RegisterForReflection
public record ErrorBody(String error, String message) {
}
