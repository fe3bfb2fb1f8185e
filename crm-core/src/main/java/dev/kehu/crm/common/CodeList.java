package dev.kehu.crm.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A configurable list (the requirements mark several lists "configurable"): codes in display order. */
public final class CodeList {
    private final String name;
    private final Map<String, Code> codes = new LinkedHashMap<>();

    public CodeList(String name, List<Code> entries) {
        this.name = Identifiers.check(name, "list name");
        for (Code entry : entries) {
            if (codes.putIfAbsent(entry.code(), entry) != null) {
                throw new IllegalArgumentException("list " + name + " has the code " + entry.code() + " twice");
            }
        }
    }

    public String name() { return name; }

    public List<Code> entries() { return List.copyOf(codes.values()); }

    public Optional<Code> find(String code) { return Optional.ofNullable(codes.get(code)); }

    public boolean contains(String code) { return codes.containsKey(code); }
}
