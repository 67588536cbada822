/**
 * Running images on the virt68030 board and reading what they report: an
 * {@link org.quaject.runner.Engine} boots an image and watches its console
 * through the {@link org.quaject.runner.ConsoleProtocol}; a
 * {@link org.quaject.runner.TapReport} turns the transcript into test results.
 */
package org.quaject.runner;
