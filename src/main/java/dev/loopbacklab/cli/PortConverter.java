package dev.loopbacklab.cli;

import dev.loopbacklab.net.Ports;
import picocli.CommandLine;

/**
 * Parses {@code --port} with the lab's one port parser, so bad input is a usage error (status 2).
 */
final class PortConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        try {
            return Ports.parse(value, "--port");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
