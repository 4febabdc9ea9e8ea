package io.rapport.messaging;

/** What an inbound reply asks for. */
public enum ReplyIntent {
    /** A STOP keyword or a sentence asking not to be texted again. */
    OPT_OUT,
    /** START or UNSTOP: texts are welcome again. */
    OPT_IN,
    /** HELP or AYUDA. */
    HELP,
    /** Anything else, for an agent to read. */
    OTHER
}
