package org.banyan.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Protobuf messages in the JSON dialect of BIF nodes and SDKs, which is not protobuf's canonical JSON.
 * One converter serves the node (which reads requests and writes responses) and the SDK (which writes
 * requests and reads responses), so the two sides cannot drift apart.
 *
 * <p>Output, as a BIF node writes it: field names are the snake_case proto names, 64-bit integers are
 * JSON numbers, bytes are lower-case hex, enums are their numbers ({@code "type": 7} for a payment: BIF's
 * transaction pages show numbers and the official Java SDK reads the operation type into an {@code int}),
 * and fields holding their default value are left out.
 *
 * <p>Input: integers as numbers or numeric strings, enums as names or numbers, bytes as hex in either case.
 * What else is accepted depends on who is reading; see {@link Reading}.
 */
public final class BifJson {

    /** Who is reading, which decides how forgiving parsing is. */
    public enum Reading {
        /**
         * A node reading a client's request. A field the message does not have is an error naming it, because
         * silently dropping it would price or check a different transaction than the caller meant. The
         * official SDK's fee evaluation prints bytes fields as plain text, so a bytes value that is not hex is
         * taken as its UTF-8 bytes.
         */
        REQUEST,
        /** A client reading a node's response: unknown fields are ignored (nodes add fields over time) and bytes must be hex. */
        RESPONSE
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private BifJson() {
    }

    /** Renders a message as a BIF JSON object. */
    public static ObjectNode render(final MessageOrBuilder message) {
        final ObjectNode object = NODES.objectNode();
        for (final Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            final FieldDescriptor field = entry.getKey();
            if (field.isRepeated()) {
                final ArrayNode array = object.putArray(field.getName());
                for (final Object element : (Iterable<?>) entry.getValue()) {
                    array.add(renderValue(field, element));
                }
            } else {
                object.set(field.getName(), renderValue(field, entry.getValue()));
            }
        }
        return object;
    }

    /**
     * Parses a BIF JSON object into a message of the prototype's type.
     *
     * @param path how the caller names this object in error messages, e.g. {@code items[0].transaction_json}
     * @throws IllegalArgumentException naming the offending field when the JSON does not fit the message
     */
    public static <T extends Message> T parse(final JsonNode json, final T prototype, final String path,
                                              final Reading reading) {
        final Message.Builder builder = prototype.newBuilderForType();
        merge(json, builder, path, reading);
        @SuppressWarnings("unchecked") // newBuilderForType() builds the prototype's own type
        final T message = (T) builder.build();
        return message;
    }

    private static JsonNode renderValue(final FieldDescriptor field, final Object value) {
        return switch (field.getJavaType()) {
            case INT -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case STRING -> NODES.textNode((String) value);
            case BYTE_STRING -> NODES.textNode(HEX.formatHex(((ByteString) value).toByteArray()));
            case ENUM -> NODES.numberNode(((EnumValueDescriptor) value).getNumber());
            case MESSAGE -> render((MessageOrBuilder) value);
        };
    }

    private static void merge(final JsonNode json, final Message.Builder builder, final String path, final Reading reading) {
        if (!json.isObject()) {
            throw new IllegalArgumentException(path + " must be a JSON object but is " + kind(json));
        }
        for (final Map.Entry<String, JsonNode> entry : json.properties()) {
            final String fieldPath = path + "." + entry.getKey();
            final FieldDescriptor field = builder.getDescriptorForType().findFieldByName(entry.getKey());
            if (field == null) {
                if (reading == Reading.RESPONSE) {
                    continue;
                }
                throw new IllegalArgumentException(fieldPath + " is not a field of " + builder.getDescriptorForType().getName());
            }
            final JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (field.isRepeated()) {
                if (!value.isArray()) {
                    throw new IllegalArgumentException(fieldPath + " must be a JSON array but is " + kind(value));
                }
                for (int index = 0; index < value.size(); index++) {
                    builder.addRepeatedField(field,
                        parseValue(field, value.get(index), builder, fieldPath + "[" + index + "]", reading));
                }
            } else {
                builder.setField(field, parseValue(field, value, builder, fieldPath, reading));
            }
        }
    }

    private static Object parseValue(final FieldDescriptor field, final JsonNode value, final Message.Builder parent,
                                     final String path, final Reading reading) {
        return switch (field.getJavaType()) {
            case INT -> int32(value, path);
            case LONG -> int64(value, path);
            case FLOAT -> (float) decimal(value, path);
            case DOUBLE -> decimal(value, path);
            case BOOLEAN -> bool(value, path);
            case STRING -> text(value, path);
            case BYTE_STRING -> bytes(value, path, reading);
            case ENUM -> enumValue(field.getEnumType(), value, path);
            case MESSAGE -> {
                final Message.Builder child = parent.newBuilderForField(field);
                merge(value, child, path, reading);
                yield child.build();
            }
        };
    }

    private static long int64(final JsonNode value, final String path) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException(path + " must be an integer but is \"" + value.textValue() + "\"", e);
            }
        }
        throw new IllegalArgumentException(path + " must be a 64-bit integer but is " + kind(value));
    }

    private static int int32(final JsonNode value, final String path) {
        final long number = int64(value, path);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(path + " must be a 32-bit integer but is " + number);
        }
        return (int) number;
    }

    private static double decimal(final JsonNode value, final String path) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        throw new IllegalArgumentException(path + " must be a number but is " + kind(value));
    }

    private static boolean bool(final JsonNode value, final String path) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && ("true".equals(value.textValue()) || "false".equals(value.textValue()))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw new IllegalArgumentException(path + " must be true or false but is " + kind(value));
    }

    private static String text(final JsonNode value, final String path) {
        // BIF writes some quantities as strings (privilege weights) and SDKs send them either way.
        if (value.isValueNode()) {
            return value.asText();
        }
        throw new IllegalArgumentException(path + " must be a string but is " + kind(value));
    }

    private static ByteString bytes(final JsonNode value, final String path, final Reading reading) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + " must be a hex string but is " + kind(value));
        }
        try {
            return ByteString.copyFrom(HEX.parseHex(value.textValue()));
        } catch (final IllegalArgumentException notHex) {
            if (reading == Reading.REQUEST) {
                return ByteString.copyFrom(value.textValue(), StandardCharsets.UTF_8);
            }
            throw new IllegalArgumentException(path + " is not valid hex: " + notHex.getMessage(), notHex);
        }
    }

    private static EnumValueDescriptor enumValue(final EnumDescriptor type, final JsonNode value, final String path) {
        EnumValueDescriptor found = null;
        if (value.isTextual()) {
            found = type.findValueByName(value.textValue());
        } else if (value.isIntegralNumber() && value.canConvertToInt()) {
            found = type.findValueByNumber(value.intValue());
        }
        if (found == null) {
            throw new IllegalArgumentException(path + " is not a valid " + type.getName() + ": " + value);
        }
        return found;
    }

    private static String kind(final JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
