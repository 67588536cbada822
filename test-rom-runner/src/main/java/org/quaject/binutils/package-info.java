/**
 * Running GNU binutils for m68k (Debian package binutils-m68k-linux-gnu): the
 * compiler assembles and links with them, and the runner's crash reports use
 * their disassembler and line-table reader.
 */
package org.quaject.binutils;
