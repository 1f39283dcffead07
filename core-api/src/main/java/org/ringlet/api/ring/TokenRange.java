package org.ringlet.api.ring;

import static java.util.Objects.requireNonNull;

/**
 * The tokens in {@code (left, right]}, the way ownership is expressed on the ring. A range whose {@code left} is
 * not less than its {@code right} wraps around the ring's minimum; a range with {@code left == right} is the
 * whole ring.
 *
 * @param left  exclusive start
 * @param right inclusive end
 */
public record TokenRange(Token left, Token right) {
    public TokenRange {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    /** Whether this range wraps around the end of the ring (including the whole-ring range). */
    public boolean isWrapAround() {
        return left.compareTo(right) >= 0;
    }

    /** Whether {@code token} lies in {@code (left, right]}. */
    public boolean contains(Token token) {
        int cl = left.compareTo(right);
        if (cl == 0) {
            return true;
        }
        if (cl < 0) {
            return token.compareTo(left) > 0 && token.compareTo(right) <= 0;
        }
        return token.compareTo(left) > 0 || token.compareTo(right) <= 0;
    }

    @Override
    public String toString() {
        return "(" + left + "," + right + "]";
    }
}
