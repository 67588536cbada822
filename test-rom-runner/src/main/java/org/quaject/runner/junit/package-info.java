/**
 * JUnit 5 support: Java tests that boot an image on the in-process virt68030
 * machine and drive it through a {@link org.quaject.runner.junit.GuestSession}
 * (console input and output, memory by symbol, registers), and
 * {@link org.quaject.runner.junit.ImageTests}, which turns the {@code test}
 * blocks inside an image into dynamic tests.
 *
 * <p>JUnit's API is a provided dependency: the test project that uses this
 * package brings its own JUnit Jupiter.
 */
package org.quaject.runner.junit;
