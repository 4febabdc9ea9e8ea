package io.rapport.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The state contact limits the gate applies on top of the federal rules, by the consumer's
 * mailing-address state. Read from {@code compliance/state-overlays.properties}: adding a state is
 * adding its entries there.
 */
public final class StateOverlays {

    private static final String STANDARD_RESOURCE = "/compliance/state-overlays.properties";

    private final List<StateContactLimit> limits;

    public StateOverlays(List<StateContactLimit> limits) {
        this.limits = List.copyOf(limits);
    }

    /** The limits shipped with Rapport. */
    public static StateOverlays standard() {
        return fromResource(STANDARD_RESOURCE);
    }

    /** No state limits: the federal rules only. */
    public static StateOverlays none() {
        return new StateOverlays(List.of());
    }

    /** Limits read from a properties resource on the classpath in the format of the standard file. */
    public static StateOverlays fromResource(String resource) {
        try (InputStream in = StateOverlays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Properties data = new Properties();
            data.load(in);
            return parse(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StateOverlays parse(Properties data) {
        Set<String> names = new TreeSet<>();
        for (String key : data.stringPropertyNames()) {
            if (key.endsWith(".rule")) {
                names.add(key.substring(0, key.length() - ".rule".length()));
            }
        }
        List<StateContactLimit> limits = new ArrayList<>();
        for (String name : names) {
            String state = name.substring(0, name.indexOf('.')).toUpperCase(Locale.ROOT);
            limits.add(new StateContactLimit(
                    state,
                    required(data, name, "rule"),
                    required(data, name, "citation"),
                    required(data, name, "description"),
                    enums(Channel.class, required(data, name, "channels")),
                    StateContactLimit.NumberScope.valueOf(required(data, name, "numbers")),
                    Integer.parseInt(required(data, name, "max")),
                    Integer.parseInt(required(data, name, "days")),
                    Boolean.parseBoolean(required(data, name, "perDebt")),
                    enums(Outcome.class, required(data, name, "counts"))));
        }
        return new StateOverlays(limits);
    }

    private static String required(Properties data, String name, String attribute) {
        String value = data.getProperty(name + "." + attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("state overlay " + name + " has no " + attribute);
        }
        return value.trim();
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(value -> Enum.valueOf(type, value))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }

    /** The limits of a state (two-letter code, any case); none for a state without overlays. */
    public List<StateContactLimit> forState(String state) {
        if (state == null) {
            return List.of();
        }
        String code = state.trim().toUpperCase(Locale.ROOT);
        return limits.stream().filter(limit -> limit.state().equals(code)).toList();
    }

    public List<StateContactLimit> all() {
        return limits;
    }
}
