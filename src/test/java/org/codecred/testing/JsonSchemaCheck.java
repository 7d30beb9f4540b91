package org.codecred.testing;

import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON document against the JSON Schema keywords CodeCred's schemas use: type, required,
 * properties, additionalProperties, enum, minimum, pattern, items and format date-time. A keyword
 * it does not know fails the check, so a schema cannot silently outgrow it.
 */
public final class JsonSchemaCheck {

    private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "type", "required",
            "properties", "additionalProperties", "enum", "minimum", "pattern", "items", "format");

    private JsonSchemaCheck() {
    }

    /** Every way {@code document} breaks {@code schema}, each naming where; empty when it conforms. */
    public static List<String> problems(JsonNode schema, JsonNode document) {
        List<String> problems = new ArrayList<>();
        check(schema, document, "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        for (String keyword : schema.propertyNames()) {
            if (!KNOWN.contains(keyword)) {
                problems.add(at + ": the schema uses '" + keyword + "', which this check does not know");
            }
        }
        JsonNode type = schema.path("type");
        if (!type.isMissingNode()) {
            List<String> types = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asString()));
            } else {
                types.add(type.asString());
            }
            if (types.stream().noneMatch(t -> is(t, value))) {
                problems.add(at + ": " + value + " is not of type " + types);
                return;
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value) || allowed.isNumber() && value.isNumber() && allowed.asLong() == value.asLong();
            }
            if (!listed) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(at + ": " + value + " is below " + schema.get("minimum"));
        }
        if (schema.has("pattern") && value.isString() && !value.asString().matches(".*(" + schema.get("pattern").asString() + ").*")) {
            problems.add(at + ": '" + value.asString() + "' does not match " + schema.get("pattern"));
        }
        if ("date-time".equals(schema.path("format").asString(null)) && value.isString()) {
            try {
                OffsetDateTime.parse(value.asString());
            } catch (DateTimeParseException e) {
                problems.add(at + ": '" + value.asString() + "' is not a date-time");
            }
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asString())) {
                    problems.add(at + ": the field '" + name.asString() + "' is missing");
                }
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode declared = schema.path("properties").path(field.getKey());
                JsonNode additional = schema.path("additionalProperties");
                if (!declared.isMissingNode()) {
                    check(declared, field.getValue(), at + "." + field.getKey(), problems);
                } else if (additional.isBoolean() && !additional.asBoolean()) {
                    problems.add(at + ": the field '" + field.getKey() + "' is not in the schema");
                } else if (additional.isObject()) {
                    check(additional, field.getValue(), at + "." + field.getKey(), problems);
                } else {
                    problems.add(at + ": the field '" + field.getKey() + "' is not described by the schema");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(schema.get("items"), item, at + "[" + i++ + "]", problems);
            }
        }
    }

    private static boolean is(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
