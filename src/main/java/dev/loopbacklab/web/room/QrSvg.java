package dev.loopbacklab.web.room;

import io.nayuki.qrcodegen.QrCode;

/**
 * A link as a QR code, drawn by the lab as SVG (Nayuki's qrcodegen makes the modules): nothing is
 * fetched, and the markup holds only numbers, never the link's text.
 */
final class QrSvg {
    static final int BORDER = 4;

    private QrSvg() {}

    static String of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + BORDER)
                            .append(',')
                            .append(y + BORDER)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
                + size
                + " "
                + size
                + "\" shape-rendering=\"crispEdges\" focusable=\"false\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\""
                + path
                + "\" fill=\"#000\"/></svg>";
    }
}
