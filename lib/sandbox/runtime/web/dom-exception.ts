const LEGACY_CODES: Record<string, number> = {
  IndexSizeError: 1,
  HierarchyRequestError: 3,
  WrongDocumentError: 4,
  InvalidCharacterError: 5,
  NoModificationAllowedError: 7,
  NotFoundError: 8,
  NotSupportedError: 9,
  InUseAttributeError: 10,
  InvalidStateError: 11,
  SyntaxError: 12,
  InvalidModificationError: 13,
  NamespaceError: 14,
  InvalidAccessError: 15,
  TypeMismatchError: 17,
  SecurityError: 18,
  NetworkError: 19,
  AbortError: 20,
  URLMismatchError: 21,
  QuotaExceededError: 22,
  TimeoutError: 23,
  InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

const CONSTANTS: Record<string, number> = {
  INDEX_SIZE_ERR: 1,
  DOMSTRING_SIZE_ERR: 2,
  HIERARCHY_REQUEST_ERR: 3,
  WRONG_DOCUMENT_ERR: 4,
  INVALID_CHARACTER_ERR: 5,
  NO_DATA_ALLOWED_ERR: 6,
  NO_MODIFICATION_ALLOWED_ERR: 7,
  NOT_FOUND_ERR: 8,
  NOT_SUPPORTED_ERR: 9,
  INUSE_ATTRIBUTE_ERR: 10,
  INVALID_STATE_ERR: 11,
  SYNTAX_ERR: 12,
  INVALID_MODIFICATION_ERR: 13,
  NAMESPACE_ERR: 14,
  INVALID_ACCESS_ERR: 15,
  VALIDATION_ERR: 16,
  TYPE_MISMATCH_ERR: 17,
  SECURITY_ERR: 18,
  NETWORK_ERR: 19,
  ABORT_ERR: 20,
  URL_MISMATCH_ERR: 21,
  QUOTA_EXCEEDED_ERR: 22,
  TIMEOUT_ERR: 23,
  INVALID_NODE_TYPE_ERR: 24,
  DATA_CLONE_ERR: 25,
};

// `name` is an accessor on the prototype (as in Node), which TypeScript forbids declaring over
// Error's data property, so it lives outside the class body.
const names = new WeakMap<object, string>();

export class DOMException extends Error {
  // Defined below on both the constructor and the prototype; declared here for the type checker.
  declare static readonly INDEX_SIZE_ERR: 1;
  declare static readonly DOMSTRING_SIZE_ERR: 2;
  declare static readonly HIERARCHY_REQUEST_ERR: 3;
  declare static readonly WRONG_DOCUMENT_ERR: 4;
  declare static readonly INVALID_CHARACTER_ERR: 5;
  declare static readonly NO_DATA_ALLOWED_ERR: 6;
  declare static readonly NO_MODIFICATION_ALLOWED_ERR: 7;
  declare static readonly NOT_FOUND_ERR: 8;
  declare static readonly NOT_SUPPORTED_ERR: 9;
  declare static readonly INUSE_ATTRIBUTE_ERR: 10;
  declare static readonly INVALID_STATE_ERR: 11;
  declare static readonly SYNTAX_ERR: 12;
  declare static readonly INVALID_MODIFICATION_ERR: 13;
  declare static readonly NAMESPACE_ERR: 14;
  declare static readonly INVALID_ACCESS_ERR: 15;
  declare static readonly VALIDATION_ERR: 16;
  declare static readonly TYPE_MISMATCH_ERR: 17;
  declare static readonly SECURITY_ERR: 18;
  declare static readonly NETWORK_ERR: 19;
  declare static readonly ABORT_ERR: 20;
  declare static readonly URL_MISMATCH_ERR: 21;
  declare static readonly QUOTA_EXCEEDED_ERR: 22;
  declare static readonly TIMEOUT_ERR: 23;
  declare static readonly INVALID_NODE_TYPE_ERR: 24;
  declare static readonly DATA_CLONE_ERR: 25;
  declare readonly INDEX_SIZE_ERR: 1;
  declare readonly DOMSTRING_SIZE_ERR: 2;
  declare readonly HIERARCHY_REQUEST_ERR: 3;
  declare readonly WRONG_DOCUMENT_ERR: 4;
  declare readonly INVALID_CHARACTER_ERR: 5;
  declare readonly NO_DATA_ALLOWED_ERR: 6;
  declare readonly NO_MODIFICATION_ALLOWED_ERR: 7;
  declare readonly NOT_FOUND_ERR: 8;
  declare readonly NOT_SUPPORTED_ERR: 9;
  declare readonly INUSE_ATTRIBUTE_ERR: 10;
  declare readonly INVALID_STATE_ERR: 11;
  declare readonly SYNTAX_ERR: 12;
  declare readonly INVALID_MODIFICATION_ERR: 13;
  declare readonly NAMESPACE_ERR: 14;
  declare readonly INVALID_ACCESS_ERR: 15;
  declare readonly VALIDATION_ERR: 16;
  declare readonly TYPE_MISMATCH_ERR: 17;
  declare readonly SECURITY_ERR: 18;
  declare readonly NETWORK_ERR: 19;
  declare readonly ABORT_ERR: 20;
  declare readonly URL_MISMATCH_ERR: 21;
  declare readonly QUOTA_EXCEEDED_ERR: 22;
  declare readonly TIMEOUT_ERR: 23;
  declare readonly INVALID_NODE_TYPE_ERR: 24;
  declare readonly DATA_CLONE_ERR: 25;
  constructor(message?: string, options?: string | { name?: string; cause?: unknown }) {
    super(message === undefined ? "" : String(message));
    if (typeof options === "object" && options !== null) {
      names.set(this, options.name === undefined ? "Error" : String(options.name));
      if ("cause" in options) Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
    } else {
      names.set(this, options === undefined ? "Error" : String(options));
    }
  }

  get code(): number {
    return LEGACY_CODES[names.get(this) ?? ""] ?? 0;
  }
}

Object.defineProperty(DOMException.prototype, "name", {
  get(this: object) {
    const name = names.get(this);
    if (name === undefined) throw new TypeError("Illegal invocation");
    return name;
  },
  enumerable: true,
  configurable: true,
});
for (const [key, value] of Object.entries(CONSTANTS)) {
  const descriptor = { value, enumerable: true, writable: false, configurable: false };
  Object.defineProperty(DOMException, key, descriptor);
  Object.defineProperty(DOMException.prototype, key, descriptor);
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: "DOMException", configurable: true });
