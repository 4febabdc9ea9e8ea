package io.rapport.messaging;

import io.rapport.messaging.letters.PdfLetters;

/**
 * Renders a letter other capabilities compose themselves (a validation notice, a dispute response) to PDF with the same
 * renderer as every letter Rapport prints. The letter is XHTML; images come only from {@code data:} URIs, the renderer
 * never fetches from the network.
 */
public final class LetterPdf {

    private LetterPdf() {
    }

    /** The PDF of a well-formed XHTML letter. */
    public static byte[] render(String xhtml) {
        return PdfLetters.render(xhtml);
    }
}
