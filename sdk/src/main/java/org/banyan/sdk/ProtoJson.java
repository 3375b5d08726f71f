package org.banyan.sdk;

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
import java.util.Map;
import org.banyan.crypto.Hex;

/**
 * Converts protobuf messages to and from BIF JSON.
 *
 * <p>BIF's JSON is not protobuf's canonical JSON: field names are the snake_case proto names, int64 values are JSON
 * numbers, bytes are lower-case hex (not base64) and enums are names. Like a BIF node, output omits fields that hold
 * their default value. Input accepts int64 as numbers or numeric strings, enums as names or numbers and hex in either
 * case; fields the message does not know are ignored, because nodes add fields over time (BIF SDKs do the same).
 * Walking the descriptors keeps one converter for every message instead of one hand-written mapping per type.
 */
public final class ProtoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtoJson() {
    }

    /** Renders a message as a BIF JSON object. */
    public static ObjectNode toJson(final MessageOrBuilder message) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.isRepeated()) {
                ArrayNode array = object.putArray(field.getName());
                for (Object element : (Iterable<?>) entry.getValue()) {
                    array.add(valueToJson(field, element));
                }
            } else {
                object.set(field.getName(), valueToJson(field, entry.getValue()));
            }
        }
        return object;
    }

    /**
     * Parses a BIF JSON object into a message of the prototype's type.
     *
     * @throws IllegalArgumentException naming the field when a value has the wrong type or is malformed
     */
    public static <T extends Message> T fromJson(final JsonNode json, final T prototype) {
        Message.Builder builder = prototype.newBuilderForType();
        merge(json, builder, prototype.getDescriptorForType().getName());
        @SuppressWarnings("unchecked") // newBuilderForType() builds the prototype's own type
        T message = (T) builder.build();
        return message;
    }

    private static JsonNode valueToJson(final FieldDescriptor field, final Object value) {
        return switch (field.getJavaType()) {
            case INT -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case STRING -> NODES.textNode((String) value);
            case BYTE_STRING -> NODES.textNode(Hex.encode(((ByteString) value).toByteArray()));
            case ENUM -> enumToJson((EnumValueDescriptor) value);
            case MESSAGE -> toJson((MessageOrBuilder) value);
        };
    }

    private static JsonNode enumToJson(final EnumValueDescriptor value) {
        // An open proto3 enum may carry a number this build has no name for; keep the number rather than lose it.
        if (value.getIndex() < 0) {
            return NODES.numberNode(value.getNumber());
        }
        return NODES.textNode(value.getName());
    }

    private static void merge(final JsonNode json, final Message.Builder builder, final String path) {
        if (!json.isObject()) {
            throw new IllegalArgumentException(path + " must be a JSON object but is " + json.getNodeType());
        }
        var fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            FieldDescriptor field = builder.getDescriptorForType().findFieldByName(entry.getKey());
            JsonNode value = entry.getValue();
            if (field == null || value.isNull()) {
                continue;
            }
            String fieldPath = path + "." + field.getName();
            if (field.isRepeated()) {
                if (!value.isArray()) {
                    throw new IllegalArgumentException(fieldPath + " must be a JSON array but is " + value.getNodeType());
                }
                for (int index = 0; index < value.size(); index++) {
                    String elementPath = fieldPath + "[" + index + "]";
                    builder.addRepeatedField(field, jsonToValue(field, value.get(index), builder, elementPath));
                }
            } else {
                builder.setField(field, jsonToValue(field, value, builder, fieldPath));
            }
        }
    }

    private static Object jsonToValue(final FieldDescriptor field, final JsonNode value,
                                      final Message.Builder parent, final String path) {
        return switch (field.getJavaType()) {
            case INT -> int32(value, path);
            case LONG -> integral(value, path);
            case FLOAT -> (float) decimal(value, path);
            case DOUBLE -> decimal(value, path);
            case BOOLEAN -> bool(value, path);
            case STRING -> text(value, path);
            case BYTE_STRING -> hexBytes(value, path);
            case ENUM -> enumValue(field.getEnumType(), value, path);
            case MESSAGE -> {
                Message.Builder child = parent.newBuilderForField(field);
                merge(value, child, path);
                yield child.build();
            }
        };
    }

    private static long integral(final JsonNode value, final String path) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + " must be an integer but is \"" + value.textValue() + "\"", e);
            }
        }
        throw new IllegalArgumentException(path + " must be a 64-bit integer but is " + value);
    }

    private static int int32(final JsonNode value, final String path) {
        long number = integral(value, path);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(path + " must be a 32-bit integer but is " + number);
        }
        return (int) number;
    }

    private static double decimal(final JsonNode value, final String path) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        throw new IllegalArgumentException(path + " must be a number but is " + value.getNodeType());
    }

    private static boolean bool(final JsonNode value, final String path) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && ("true".equals(value.textValue()) || "false".equals(value.textValue()))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw new IllegalArgumentException(path + " must be true or false but is " + value);
    }

    private static String text(final JsonNode value, final String path) {
        // BIF writes some numeric quantities (privilege weights) as strings; accept any scalar as its text.
        if (value.isValueNode()) {
            return value.asText();
        }
        throw new IllegalArgumentException(path + " must be a string but is " + value.getNodeType());
    }

    private static ByteString hexBytes(final JsonNode value, final String path) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + " must be a hex string but is " + value.getNodeType());
        }
        try {
            return ByteString.copyFrom(Hex.decode(value.textValue()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " is not valid hex: " + e.getMessage(), e);
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
            throw new IllegalArgumentException(path + " is not a " + type.getName() + " value: " + value);
        }
        return found;
    }
}
