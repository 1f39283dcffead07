package org.ringlet.api.ring;

/** A node's state in the ring, as {@code nodetool status} shows it in its second letter. */
public enum NodeState {
    NORMAL('N'),
    JOINING('J'),
    LEAVING('L'),
    MOVING('M');

    private final char letter;

    NodeState(char letter) {
        this.letter = letter;
    }

    /** The letter {@code nodetool status} prints. */
    public char letter() {
        return letter;
    }
}
