package org.banyan.identity.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.banyan.crypto.Address;
import org.banyan.crypto.Base58;
import org.banyan.crypto.BidSyntax;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PublicKey;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;

/**
 * Parses and renders BID documents in the BIF JSON layout (RFC-004 §5.1), strictly.
 *
 * <p>Decisions where the RFC is loose, so that what a document says is exactly what it signs:
 * <ul>
 *   <li>Unknown members are refused at every level (except inside an attribute's free {@code value}): a resolver
 *       must never serve signed data that nothing validated. The RFC's own examples misspell {@code "delegateSign "}
 *       with a trailing space; such a document is refused, not silently half-read.</li>
 *   <li>{@code @context} is an array that includes {@link #DID_CONTEXT}; {@code authentication} and
 *       {@code extension.type} are required; {@code extension.attributes} is optional (the RFC's examples omit it)
 *       and must be key-value entries: credential-style claim attributes are not accepted.</li>
 *   <li>Key ids are {@code <controller>#<name>} (as the BIF SDK checks); {@code authentication} and
 *       {@code recovery} name keys of this document; key {@code type} must match the key ({@code Ed25519}, the SDK's
 *       {@code ED25519}, or {@code SM2}).</li>
 *   <li>Numbers where the RFC has integers must be JSON integers ({@code 1.0} is refused); times are
 *       {@code yyyy-MM-ddTHH:mm:ssZ} and {@code updated} is not before {@code created}.</li>
 *   <li>An AC-code document ({@code did:bid:<ac>}) has type 206 and a {@link TypeCodes#SUB_RESOLVER} service; only
 *       it may have type 206.</li>
 * </ul>
 * A missing required member gives {@link ResultCode#FIELD_NOT_FOUND}; everything else {@link ResultCode#PROTOCOL_ERROR}.
 */
public final class BidDocumentCodec {

    /** The DID Core v1 context every BID document includes. */
    public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";

    /** The time format of {@code created} and {@code updated}, also DID Resolution's metadata format. */
    public static final DateTimeFormatter TIME_FORMAT =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern TIME_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern FRAGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    private static final Set<String> DOCUMENT_MEMBERS = Set.of("@context", "version", "id", "publicKey",
        "authentication", "alsoKnownAs", "extension", "service", "created", "updated", "proof");
    private static final Set<String> KEY_MEMBERS = Set.of("id", "type", "controller", "publicKeyHex");
    private static final Set<String> ALIAS_MEMBERS = Set.of("type", "id");
    private static final Set<String> EXTENSION_MEMBERS = Set.of("recovery", "ttl", "delegateSign", "type",
        "attributes", "acsns", "verifiableCredentials");
    private static final Set<String> DELEGATE_MEMBERS = Set.of("signer", "signatureValue");
    private static final Set<String> ATTRIBUTE_MEMBERS = Set.of("key", "desc", "encrypt", "format", "value");
    private static final Set<String> CREDENTIAL_MEMBERS = Set.of("id", "type");
    private static final Set<String> SERVICE_MEMBERS = Set.of("id", "type", "serviceEndpoint", "version", "protocol",
        "serverType", "port");
    private static final Set<String> PROOF_MEMBERS = Set.of("creator", "signatureValue");

    private static final int MAX_PORT = 65_535;

    private BidDocumentCodec() {
    }

    /** Parses and validates a document from JSON text. */
    public static BidResult<ParsedDocument> parse(final String json) {
        return StrictJson.parse(json).then(BidDocumentCodec::parse);
    }

    /** Validates a document already parsed as JSON (for instance inside a DDO call), keeping that JSON. */
    public static BidResult<ParsedDocument> parse(final JsonNode json) {
        try {
            final BidDocument document = read(json);
            final String canonical = CanonicalJson.text(json);
            final int sizeBytes = canonical.getBytes(StandardCharsets.UTF_8).length;
            if (sizeBytes > DocumentLimits.MAX_DOCUMENT_BYTES) {
                return BidResult.failed(ResultCode.PROTOCOL_ERROR, "the document is " + sizeBytes
                    + " bytes in canonical form; at most " + DocumentLimits.MAX_DOCUMENT_BYTES + " are allowed");
            }
            return BidResult.ok(new ParsedDocument(document, (ObjectNode) json, canonical));
        } catch (final InvalidDocumentException e) {
            return BidResult.failed(e.error());
        }
    }

    /** The document in the BIF layout, members in RFC order, empty lists and absent options left out. */
    public static ObjectNode toJson(final BidDocument document) {
        final ObjectNode json = StrictJson.object();
        json.set("@context", strings(document.context()));
        json.put("version", document.version());
        json.put("id", document.id());
        putList(json, "publicKey", document.publicKeys(), key -> StrictJson.object()
            .put("id", key.id())
            .put("type", keyTypeName(key.publicKey().type()))
            .put("controller", key.controller())
            .put("publicKeyHex", key.publicKey().encoded()));
        json.set("authentication", strings(document.authentication()));
        putList(json, "alsoKnownAs", document.alsoKnownAs(),
            alias -> StrictJson.object().put("type", alias.type()).put("id", alias.id()));
        json.set("extension", extensionJson(document.extension()));
        putList(json, "service", document.services(), BidDocumentCodec::serviceJson);
        json.put("created", document.created());
        json.put("updated", document.updated());
        document.proof().ifPresent(proof -> json.set("proof", StrictJson.object()
            .put("creator", proof.creator()).put("signatureValue", proof.signatureValue())));
        return json;
    }

    /** The BIF name of a key type in {@code publicKey.type}. */
    public static String keyTypeName(final KeyType type) {
        return type == KeyType.ED25519 ? "Ed25519" : "SM2";
    }

    /** Whether {@code text} is a time in the document format. */
    public static boolean isTime(final String text) {
        if (!TIME_SHAPE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDateTime.parse(text, TIME_FORMAT);
            return true;
        } catch (final DateTimeParseException e) {
            return false;
        }
    }

    private static BidDocument read(final JsonNode json) {
        final JsonFields fields = JsonFields.of(json, "", DOCUMENT_MEMBERS);
        final List<String> context = fields.strings("@context", true);
        if (!context.contains(DID_CONTEXT)) {
            throw JsonFields.protocol("@context must include " + DID_CONTEXT);
        }
        final String version = fields.requiredString("version");
        final String id = fields.requiredString("id");
        final boolean acCodeDocument = checkId(id);
        final List<PublicKeyEntry> keys = readKeys(fields);
        final Set<String> keyIds = new HashSet<>();
        keys.forEach(key -> keyIds.add(key.id()));
        final List<String> authentication = fields.strings("authentication", true);
        checkReferences(authentication, keyIds, "authentication");
        final List<AlsoKnownAs> aliases = readEach(fields, "alsoKnownAs", ALIAS_MEMBERS, alias -> new AlsoKnownAs(
            code(alias, "type", TypeCodes.ALIAS_TYPES), alias.requiredString("id")));
        final Extension extension = readExtension(JsonFields.of(fields.required("extension"), "extension",
            EXTENSION_MEMBERS), keyIds);
        final List<Service> services = readServices(fields);
        checkKind(id, acCodeDocument, extension, services);
        final String created = time(fields, "created");
        final String updated = time(fields, "updated");
        if (updated.compareTo(created) < 0) {
            throw JsonFields.protocol("updated " + updated + " is before created " + created);
        }
        final Optional<Proof> proof = fields.optional("proof").map(value -> {
            final JsonFields members = JsonFields.of(value, "proof", PROOF_MEMBERS);
            final String signature = members.requiredString("signatureValue");
            requireBase58(signature, "proof.signatureValue");
            return new Proof(members.requiredString("creator"), signature);
        });
        return new BidDocument(context, version, id, keys, authentication, aliases, extension, services, created,
            updated, proof);
    }

    /** Checks the document id; returns whether it is an AC-code BID rather than an account address. */
    private static boolean checkId(final String id) {
        if (id.startsWith(BidSyntax.METHOD_PREFIX) && BidSyntax.isAcCode(id.substring(BidSyntax.METHOD_PREFIX.length()))) {
            return true;
        }
        if (Address.tryParse(id).isEmpty()) {
            throw JsonFields.protocol("id '" + id + "' is neither a BID address (did:bid:[<ac>:]ef… or …zf…) nor an"
                + " AC-code BID (did:bid:<4 lower-case letters or digits>)");
        }
        return false;
    }

    private static List<PublicKeyEntry> readKeys(final JsonFields fields) {
        final List<PublicKeyEntry> keys = readEach(fields, "publicKey", KEY_MEMBERS, key -> {
            final String keyId = key.requiredString("id");
            final String controller = key.requiredString("controller");
            checkDidUrl(keyId, key.path("id"));
            if (!keyId.startsWith(controller + "#")) {
                throw JsonFields.protocol(key.path("id") + " '" + keyId + "' must be its controller '" + controller
                    + "' followed by #<name>");
            }
            final PublicKey publicKey;
            try {
                publicKey = ProofCaches.parseKey(key.requiredString("publicKeyHex"));
            } catch (final IllegalArgumentException e) {
                throw JsonFields.protocol(key.path("publicKeyHex") + " is not a BIF public key: " + e.getMessage());
            }
            final String type = key.requiredString("type");
            final boolean matches = publicKey.type() == KeyType.ED25519
                ? type.equals("Ed25519") || type.equals("ED25519") : type.equals("SM2");
            if (!matches) {
                throw JsonFields.protocol(key.path("type") + " '" + type + "' does not match the key, which is "
                    + keyTypeName(publicKey.type()));
            }
            return new PublicKeyEntry(keyId, controller, publicKey);
        });
        requireUnique(keys.stream().map(PublicKeyEntry::id).toList(), "publicKey ids");
        return keys;
    }

    private static Extension readExtension(final JsonFields extension, final Set<String> keyIds) {
        final List<String> recovery = extension.strings("recovery", false);
        checkReferences(recovery, keyIds, "extension.recovery");
        final OptionalLong ttl = extension.optionalInteger("ttl");
        if (ttl.isPresent() && (ttl.getAsLong() < 0 || ttl.getAsLong() > DocumentLimits.MAX_TTL_SECONDS)) {
            throw JsonFields.protocol("extension.ttl must be 0 to " + DocumentLimits.MAX_TTL_SECONDS + " seconds, was "
                + ttl.getAsLong());
        }
        final Optional<DelegateSign> delegateSign = extension.optional("delegateSign").map(value -> {
            final JsonFields members = JsonFields.of(value, "extension.delegateSign", DELEGATE_MEMBERS);
            return new DelegateSign(members.requiredString("signer"), members.requiredString("signatureValue"));
        });
        final int type = code(extension, "type", TypeCodes.DOCUMENT_TYPES);
        if (type == TypeCodes.DOCUMENT_CREDENTIAL) {
            throw JsonFields.protocol("credential documents (extension.type 205) are not accepted: issue the"
                + " credential as a verifiable credential instead");
        }
        final List<Attribute> attributes = readEach(extension, "attributes", ATTRIBUTE_MEMBERS, attribute -> new Attribute(
            attribute.requiredString("key"), attribute.optionalString("desc"), optionalCode(attribute, "encrypt",
            TypeCodes.ENCRYPT_FLAGS), attribute.optionalString("format"), attribute.optional("value")));
        final List<String> acsns = extension.strings("acsns", false);
        for (final String acsn : acsns) {
            if (!BidSyntax.isAcCode(acsn)) {
                throw JsonFields.protocol("extension.acsns entry '" + acsn + "' is not an AC code (4 lower-case letters or digits)");
            }
        }
        requireUnique(acsns, "extension.acsns");
        final List<CredentialReference> credentials = readEach(extension, "verifiableCredentials", CREDENTIAL_MEMBERS,
            credential -> {
                final String credentialId = credential.requiredString("id");
                if (!BidSyntax.isValid(credentialId)) {
                    throw JsonFields.protocol(credential.path("id") + " '" + credentialId + "' is not a BID");
                }
                return new CredentialReference(credentialId, code(credential, "type", TypeCodes.CREDENTIAL_TYPES));
            });
        return new Extension(recovery, ttl, delegateSign, type, attributes, acsns, credentials);
    }

    private static List<Service> readServices(final JsonFields fields) {
        final List<Service> services = readEach(fields, "service", SERVICE_MEMBERS, service -> {
            final String serviceId = service.requiredString("id");
            checkDidUrl(serviceId, service.path("id"));
            final Service read = new Service(serviceId, service.requiredString("type"),
                service.requiredString("serviceEndpoint"), service.optionalString("version"),
                optionalCode(service, "protocol", TypeCodes.PROTOCOLS), optionalCode(service, "serverType",
                TypeCodes.SERVER_TYPES), optionalPort(service));
            if (read.serverType().orElse(0) == TypeCodes.SERVER_IP && read.port().isEmpty()) {
                throw new InvalidDocumentException(new org.banyan.identity.BidError(ResultCode.FIELD_NOT_FOUND,
                    service.path("port") + " is required when serverType is 1 (IP address)"));
            }
            if (read.type().equals(TypeCodes.SUB_RESOLVER)) {
                service.requiredString("version");
                service.requiredInteger("protocol");
                service.requiredInteger("serverType");
            }
            return read;
        });
        requireUnique(services.stream().map(Service::id).toList(), "service ids");
        return services;
    }

    private static OptionalInt optionalPort(final JsonFields service) {
        final OptionalLong port = service.optionalInteger("port");
        if (port.isPresent() && (port.getAsLong() < 1 || port.getAsLong() > MAX_PORT)) {
            throw JsonFields.protocol(service.path("port") + " must be 1 to " + MAX_PORT + ", was " + port.getAsLong());
        }
        return port.isPresent() ? OptionalInt.of((int) port.getAsLong()) : OptionalInt.empty();
    }

    /** An AC-code document, and only it, has type 206 and a sub-chain resolver service. */
    private static void checkKind(final String id, final boolean acCodeDocument, final Extension extension,
                                  final List<Service> services) {
        if (acCodeDocument != (extension.type() == TypeCodes.DOCUMENT_AC_CODE)) {
            throw JsonFields.protocol(acCodeDocument ? "the AC-code document " + id + " must have extension.type 206"
                : "extension.type 206 is for AC-code documents (did:bid:<ac>), not for " + id);
        }
        if (acCodeDocument && services.stream().noneMatch(service -> service.type().equals(TypeCodes.SUB_RESOLVER))) {
            throw new InvalidDocumentException(new org.banyan.identity.BidError(ResultCode.FIELD_NOT_FOUND,
                "the AC-code document " + id + " needs a " + TypeCodes.SUB_RESOLVER + " service"));
        }
    }

    private static <T> List<T> readEach(final JsonFields fields, final String name, final Set<String> members,
                                        final Function<JsonFields, T> reader) {
        final List<JsonNode> elements = fields.list(name);
        final List<T> read = new ArrayList<>(elements.size());
        for (int index = 0; index < elements.size(); index++) {
            read.add(reader.apply(JsonFields.of(elements.get(index), fields.path(name) + "[" + index + "]", members)));
        }
        return read;
    }

    private static int code(final JsonFields fields, final String name, final Set<Integer> allowed) {
        final long value = fields.requiredInteger(name);
        return checkCode(value, fields.path(name), allowed);
    }

    private static OptionalInt optionalCode(final JsonFields fields, final String name, final Set<Integer> allowed) {
        final OptionalLong value = fields.optionalInteger(name);
        return value.isPresent() ? OptionalInt.of(checkCode(value.getAsLong(), fields.path(name), allowed))
            : OptionalInt.empty();
    }

    private static int checkCode(final long value, final String path, final Set<Integer> allowed) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE || !allowed.contains((int) value)) {
            throw JsonFields.protocol(path + " " + value + " is not one of " + new java.util.TreeSet<>(allowed));
        }
        return (int) value;
    }

    private static String time(final JsonFields fields, final String name) {
        final String text = fields.requiredString(name);
        if (!isTime(text)) {
            throw JsonFields.protocol(name + " '" + text + "' is not a time of the form yyyy-MM-ddTHH:mm:ssZ");
        }
        return text;
    }

    private static void checkDidUrl(final String didUrl, final String path) {
        final int hash = didUrl.indexOf('#');
        if (hash < 0 || !BidSyntax.isValid(didUrl.substring(0, hash))
            || !FRAGMENT.matcher(didUrl.substring(hash + 1)).matches()) {
            throw JsonFields.protocol(path + " '" + didUrl + "' must be a BID followed by #<name>"
                + " (letters, digits, '.', '_', '~', '-')");
        }
    }

    private static void checkReferences(final List<String> references, final Set<String> keyIds, final String path) {
        for (final String reference : references) {
            if (!keyIds.contains(reference)) {
                throw JsonFields.protocol(path + " names '" + reference + "', which is not a publicKey id of this document");
            }
        }
        requireUnique(references, path);
    }

    private static void requireUnique(final List<String> values, final String what) {
        final Set<String> seen = new HashSet<>();
        for (final String value : values) {
            if (!seen.add(value)) {
                throw JsonFields.protocol(what + " list '" + value + "' twice");
            }
        }
    }

    private static void requireBase58(final String text, final String path) {
        try {
            Base58.decode(text);
        } catch (final IllegalArgumentException e) {
            throw JsonFields.protocol(path + " is not BIF-Base58: " + e.getMessage());
        }
    }

    private static ObjectNode extensionJson(final Extension extension) {
        final ObjectNode json = StrictJson.object();
        if (!extension.recovery().isEmpty()) {
            json.set("recovery", strings(extension.recovery()));
        }
        extension.ttl().ifPresent(ttl -> json.put("ttl", ttl));
        extension.delegateSign().ifPresent(delegate -> json.set("delegateSign", StrictJson.object()
            .put("signer", delegate.signer()).put("signatureValue", delegate.signatureValue())));
        json.put("type", extension.type());
        putList(json, "attributes", extension.attributes(), attribute -> {
            final ObjectNode entry = StrictJson.object().put("key", attribute.key());
            attribute.desc().ifPresent(desc -> entry.put("desc", desc));
            attribute.encrypt().ifPresent(encrypt -> entry.put("encrypt", encrypt));
            attribute.format().ifPresent(format -> entry.put("format", format));
            attribute.value().ifPresent(value -> entry.set("value", value));
            return entry;
        });
        if (!extension.acsns().isEmpty()) {
            json.set("acsns", strings(extension.acsns()));
        }
        putList(json, "verifiableCredentials", extension.verifiableCredentials(),
            credential -> StrictJson.object().put("id", credential.id()).put("type", credential.type()));
        return json;
    }

    private static ObjectNode serviceJson(final Service service) {
        final ObjectNode json = StrictJson.object().put("id", service.id()).put("type", service.type());
        service.version().ifPresent(version -> json.put("version", version));
        service.protocol().ifPresent(protocol -> json.put("protocol", protocol));
        service.serverType().ifPresent(serverType -> json.put("serverType", serverType));
        json.put("serviceEndpoint", service.serviceEndpoint());
        service.port().ifPresent(port -> json.put("port", port));
        return json;
    }

    private static <T> void putList(final ObjectNode json, final String name, final List<T> values,
                                    final Function<T, ObjectNode> render) {
        if (!values.isEmpty()) {
            final ArrayNode array = json.putArray(name);
            values.forEach(value -> array.add(render.apply(value)));
        }
    }

    private static ArrayNode strings(final List<String> values) {
        final ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
