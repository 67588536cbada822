package org.quaject.compiler.model;

/** {@code connect from -> to}: fills a callout or callback with a callentry of another instance. */
public record Connection(MemberRef from, MemberRef to) {
}
