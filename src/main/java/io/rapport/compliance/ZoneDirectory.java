package io.rapport.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The zones of US states, ZIP prefixes and North American area codes, read from
 * {@code compliance/us-time-zones.properties}.
 */
final class ZoneDirectory {

    static final ZoneDirectory STANDARD = load("/compliance/us-time-zones.properties");

    private final Map<String, List<ZoneId>> states = new HashMap<>();
    private final Map<String, List<ZoneId>> zips = new HashMap<>();
    private final Map<String, String> stateOfAreaCode = new HashMap<>();
    private final Map<String, List<ZoneId>> areaCodes = new HashMap<>();
    private final Set<String> nonGeographic = new HashSet<>();

    private ZoneDirectory(Properties data) {
        for (String key : data.stringPropertyNames()) {
            String value = data.getProperty(key).trim();
            if (key.startsWith("state.")) {
                states.put(key.substring(6), zones(value));
            } else if (key.startsWith("zip.")) {
                zips.put(key.substring(4), zones(value));
            } else if (key.startsWith("areacodes.")) {
                String state = key.substring(10);
                for (String code : value.split(",")) {
                    stateOfAreaCode.put(code.trim(), state);
                }
            } else if (key.startsWith("areazone.")) {
                areaCodes.put(key.substring(9), zones(value));
            } else if (key.equals("nonGeographic")) {
                Arrays.stream(value.split(",")).map(String::trim).forEach(nonGeographic::add);
            }
        }
    }

    static ZoneDirectory load(String resource) {
        try (InputStream in = ZoneDirectory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Properties properties = new Properties();
            properties.load(in);
            return new ZoneDirectory(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ZoneId> zones(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).map(ZoneId::of).toList();
    }

    boolean knowsState(String state) {
        return states.containsKey(state);
    }

    /** Zones of a mailing address: the 5-digit ZIP, then its 3-digit prefix, then the state. */
    List<ZoneId> forAddress(String state, String zip5) {
        if (zip5 != null && zip5.length() == 5) {
            List<ZoneId> exact = zips.get(state + "." + zip5);
            if (exact != null) {
                return exact;
            }
            List<ZoneId> prefix = zips.get(state + "." + zip5.substring(0, 3));
            if (prefix != null) {
                return prefix;
            }
        }
        return states.getOrDefault(state, List.of());
    }

    /** Whether the state spans zones that only a ZIP code tells apart. */
    boolean spansZones(String state) {
        String prefix = state + ".";
        return zips.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    /** Every zone the state touches. */
    List<ZoneId> everyZoneOf(String state) {
        Set<ZoneId> all = new LinkedHashSet<>(states.getOrDefault(state, List.of()));
        String prefix = state + ".";
        zips.forEach((key, zones) -> {
            if (key.startsWith(prefix)) {
                all.addAll(zones);
            }
        });
        return List.copyOf(all);
    }

    boolean isNonGeographic(String areaCode) {
        return nonGeographic.contains(areaCode);
    }

    Optional<List<ZoneId>> forAreaCode(String areaCode) {
        List<ZoneId> override = areaCodes.get(areaCode);
        if (override != null) {
            return Optional.of(override);
        }
        String state = stateOfAreaCode.get(areaCode);
        return state == null ? Optional.empty() : Optional.ofNullable(states.get(state));
    }
}
