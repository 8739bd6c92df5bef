// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array, separator = "|") {
  return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function attachSchema(issues, start, inst) {
  var _a2;
  for (let i = start; i < issues.length; i++) {
    (_a2 = issues[i]).schema ?? (_a2.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a2;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a2 = iss).schema ?? (_a2.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
function parsedType(data) {
  const t2 = typeof data;
  switch (t2) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t2;
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}

// node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: false,
    get error() {
      if (!error2) {
        error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error2;
    },
    set error(e) {
      error2 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a2;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a2 = inst._zod).deferred ?? (_a2.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input2 = payload.value;
    if (valuesSet.has(input2)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input: input2,
      inst
    });
    return payload;
  };
});

// node_modules/zod/v4/locales/en.js
var error = () => {
  const Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  };
  const TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input2) {
    if (type === "number" && typeof input2 === "number" && !Number.isFinite(input2)) {
      return String(input2);
    }
    return TypeDictionary[type] ?? type;
  }
  return (issue2) => {
    switch (issue2.code) {
      case "invalid_type": {
        const expected = getTypeName(issue2.expected);
        const receivedType = parsedType(issue2.input);
        const received = getTypeName(receivedType, issue2.input);
        return `Invalid input: expected ${expected}, received ${received}`;
      }
      case "invalid_value":
        if (issue2.values.length === 1)
          return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
      case "too_big": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<";
        const sizing = getSizing(issue2.origin);
        if (sizing)
          return `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}`;
        return `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">";
        const sizing = getSizing(issue2.origin);
        if (sizing) {
          return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
        }
        return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
      }
      case "invalid_format": {
        const _issue = issue2;
        if (_issue.format === "starts_with") {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === "ends_with")
          return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === "includes")
          return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === "regex")
          return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue2.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue2.origin}`;
      case "invalid_union":
        if (issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0) {
          const opts = issue2.options.map((o) => `'${o}'`).join(" | ");
          return `Invalid discriminator value. Expected ${opts}`;
        }
        if (issue2.inclusive === false) {
          return "Invalid input: more than one option matched";
        }
        return "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue2.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error()
  };
}

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}

// shared/zod.ts
config(en_default());

// shared/contracts/triage-scale.ts
var TRIAGE_LEVELS = ["emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"];
var TriageLevelSchema = _enum(TRIAGE_LEVELS);

// shared/triage/levels.ts
var urgencyRank = (level) => TRIAGE_LEVELS.indexOf(level);
var moreUrgent = (a, b) => urgencyRank(a) <= urgencyRank(b) ? a : b;
var raiseOneStep = (level) => TRIAGE_LEVELS[Math.max(0, urgencyRank(level) - 1)];
var isEmergency = (level) => urgencyRank(level) <= urgencyRank("emergency");

// shared/triage/rules/tables.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
var TABLES_FILE = "triage-rules.generated.json";
var TABLES = JSON.parse(readFileSync(join(import.meta.dirname, TABLES_FILE), "utf8"));

// shared/triage/rules/text.ts
var { CONCEPTS, PAIN_SITES, PAIN_WORDS, TOGETHER } = TABLES;
var words = (s) => s.split(" ").filter(Boolean);
var { ALIASES, WORDS } = TABLES;
var ALIAS = new Map(Object.entries(ALIASES));
var UNFOLDED = new Set(words(WORDS.UNFOLDED));
var KEEP_DOUBLE = new Set("aeiouslfz");
var fold = (w) => {
  if (!UNFOLDED.has(w)) {
    if (w.endsWith("iness")) w = w.slice(0, -5) + "y";
    else if (w.length >= 8 && w.endsWith("ness")) w = w.slice(0, -4);
    if (w.length > 4 && w.endsWith("ies")) w = w.slice(0, -3) + "y";
    else if (w.length > 3 && w.endsWith("s") && !"sui".includes(w[w.length - 2])) w = w.slice(0, -1);
    const stem = w.length > 5 && w.endsWith("ing") ? w.slice(0, -3) : w.length > 4 && w.endsWith("ed") && w[w.length - 3] !== "e" ? w.slice(0, -2) : w;
    const last = stem[stem.length - 1];
    w = stem !== w && last === stem[stem.length - 2] && !KEEP_DOUBLE.has(last) ? stem.slice(0, -1) : stem;
    if (w.length > 3 && w.endsWith("e") && w[w.length - 2] !== "e") w = w.slice(0, -1);
  }
  return ALIAS.get(w) ?? w;
};
var set = (s) => new Set(words(s).map(fold));
var NEGATORS = set(WORDS.NEGATORS);
var PSEUDO = set(WORDS.PSEUDO);
var NEG_THROUGH = set(WORDS.NEG_THROUGH);
var NEG_STOP = set(WORDS.NEG_STOP);
var HISTORY = set(WORDS.HISTORY);
var HISTORICAL = new Set(words(WORDS.HISTORICAL));
var FILLER = set(WORDS.FILLER);
var SEVERE = set(WORDS.SEVERE);
var SUDDEN = set(WORDS.SUDDEN);
var NO_FUZZ = new Set(words(WORDS.NO_FUZZ));
var MAY_CONTRACT = /no?t|unable/;
var tokenize = (lower) => {
  let s = lower.replace(/['’‘`]/g, "");
  if (MAY_CONTRACT.test(s))
    s = s.replace(/\b(?:can not|cannot|could not|couldnt|unable to|not able to)\b/g, "cant").replace(/\b(?:do|does|did|is|are|was|were|has|have|had|would|will|wo|should|ai)(?: not|nt)\b/g, "not");
  return (s.match(/[a-z0-9]+/g) ?? []).map(fold);
};
var ROOT = { next: /* @__PURE__ */ new Map() };
var VOCAB = /* @__PURE__ */ new Set();
{
  const byKey = /* @__PURE__ */ new Map();
  const put = (w, concept) => {
    const key = w.join(" ");
    let p = byKey.get(key);
    if (!p) {
      byKey.set(key, p = { w, concepts: [], order: byKey.size });
      let node = ROOT;
      for (const x of w) node = node.next.get(x) ?? node.next.set(x, { next: /* @__PURE__ */ new Map() }).get(x);
      node.phrase = p;
      for (const x of w) VOCAB.add(x);
    }
    if (!p.concepts.includes(concept)) p.concepts.push(concept);
  };
  const pairs = [];
  const expand = (p) => {
    const m = /\{([^}]*)\}/.exec(p);
    return m ? m[1].split(",").flatMap((x) => expand(p.slice(0, m.index) + x + p.slice(m.index + m[0].length))) : [p];
  };
  const sites = Object.entries(PAIN_SITES).map(([concept, parts]) => [concept, `{${parts.replace(/ /g, ",")}} {${PAIN_WORDS.replace(/ /g, ",")}}`]);
  for (const [concept, list] of [...sites, ...Object.entries(CONCEPTS)])
    for (const phrase of list.split("|").flatMap(expand)) {
      const w = tokenize(phrase.toLowerCase());
      put(w, concept);
      if (w.length === 2 && !w.some((x) => FILLER.has(x) || NEGATORS.has(x) || x === "cant")) pairs.push([[w[1], w[0]], concept]);
    }
  const explicit = new Set(byKey.keys());
  for (const [w, concept] of pairs) if (!explicit.has(w.join(" "))) put(w, concept);
}
var COMBINATIONS = Object.entries(TOGETHER).flatMap(
  ([concept, list]) => list.split("|").map((alt) => ({ concept, parts: alt.split(" ") }))
);
var PARTS = new Set(COMBINATIONS.flatMap((c) => c.parts));
var isCue = (concept) => concept.startsWith("cue_");
var COMBINE_STOP = set(WORDS.COMBINE_STOP);
var COMBINE_REACH = 4;
var follows = (raw, from, to) => {
  if (to.start < from.end) return false;
  let words2 = 0;
  for (let k = from.end; k < to.start; k++) {
    if (COMBINE_STOP.has(raw[k])) return false;
    if (!FILLER.has(raw[k]) && ++words2 > COMBINE_REACH) return false;
  }
  return true;
};
var combine = (raw, hits) => {
  const out = [];
  const present = /* @__PURE__ */ new Set();
  for (const h of hits) if (PARTS.has(h.concept)) present.add(h.concept);
  if (present.size < 2) return out;
  const chain = (parts, k, last) => {
    if (k === parts.length) return false;
    for (const h of hits) {
      if (h.concept !== parts[k] || last && !follows(raw, last, h)) continue;
      const rest = chain(parts, k + 1, h);
      if (rest !== void 0) return rest || h.severe;
    }
    return void 0;
  };
  for (const { concept, parts } of COMBINATIONS) {
    if (!parts.every((p) => present.has(p))) continue;
    const severe = chain(parts, 0, void 0);
    if (severe !== void 0) out.push({ concept, severe });
  }
  return out;
};
var DELETES = /* @__PURE__ */ new Map();
var deletions = (w) => [w, ...[...w].map((_, i) => w.slice(0, i) + w.slice(i + 1))];
for (const v of VOCAB) if (v.length > 4 && !/\d/.test(v)) for (const d of deletions(v)) DELETES.get(d)?.push(v) ?? DELETES.set(d, [v]);
var withinOneEdit = (a, b) => {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
};
var CACHE = /* @__PURE__ */ new Map();
var ITSELF = [];
var candidates = (w) => {
  if (w.length < 5 || VOCAB.has(w)) return ITSELF;
  let hit = CACHE.get(w);
  if (hit === void 0) {
    if (FILLER.has(w) || NEGATORS.has(w) || /\d/.test(w)) return ITSELF;
    const found = [...new Set(deletions(w).flatMap((d) => DELETES.get(d) ?? []))].filter((v) => !NO_FUZZ.has(v) && withinOneEdit(w, v));
    hit = [...found.filter((v) => v[0] === w[0]), ...found.filter((v) => v[0] !== w[0])];
    if (CACHE.size > 5e3) CACHE.clear();
    CACHE.set(w, hit);
  }
  return hit;
};
var NUMBER = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, few: 3, several: 3, couple: 2 };
var UNIT_HOURS = { mi: 1 / 60, h: 1, d: 24, n: 24, w: 168, mo: 720, y: 8760 };
var DURATION = /\b(?:(\d+(?:\.\d+)?)\s*|(an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\s+)(?:of\s+)?(min|minute|hour|hr|day|night|week|wk|month|year|yr)s?\b(?![\s-]*old\b)/g;
var TEMPERATURE = /(?:\b(temp|fever|febrile|thermometer)\D{0,15}?)?\b(\d{2,3}(?:[.,]\d)?)\s*(°|º|deg(?:ree)?s?)?\s*([cf]|celsius|fahrenheit)?\b(?!\s*(?:min|minute|hour|hr|h|day|d|night|week|wk|month|mo|year|yr)s?\b)/g;
var MEASURES = set(WORDS.MEASURES);
var markCounts = (raw) => {
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i];
    if (w.length > 1 && w.length < 5 && /^\d+$/.test(w) && Number(w) >= 10 && !MEASURES.has(raw[i + 1] ?? "")) raw[i] = "numerous";
  }
};
var SUGAR = /\b(?:sugars?|glucose|bms?|bgs?|reading)\b\D{0,15}?\b(\d{1,3}(?:[.,]\d)?)\s*(mmol|mg)?/g;
var sugars = (clause) => {
  const out = [];
  if (!/sugar|glucose|bm|bg|reading/.test(clause)) return out;
  for (const [, raw, unit] of clause.matchAll(SUGAR)) {
    const v = Number(raw.replace(",", "."));
    const mg = unit === "mg" || unit !== "mmol" && v > 35;
    const mmol = mg ? v / 18 : v;
    if (mmol >= 20 && mmol <= 100) out.push("high_blood_sugar");
    if (mmol > 0.5 && (mg ? v < 70 : v < 4)) out.push("low_blood_sugar");
  }
  return out;
};
var AGE_IN_WORDS = /\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|few|couple)(?:\s+of)?[\s-]*(day|week|wk|month|mth|mo|year|yr)s?[\s-]*old\b/g;
var OXYGEN = /\b(?:sats|saturations?|spo2|o2|oxygen|oximeter|pulse ox)\b\D{0,25}?\b(\d{2,3})\s*%?/g;
var readings = (clause) => {
  const out = [];
  if (!/\d/.test(clause) && !/\bold\b/.test(clause)) return out;
  for (const [, count, unit] of clause.matchAll(AGE_IN_WORDS)) {
    const n = NUMBER[count] ?? Number(count);
    const months = /^(d|w)/.test(unit) ? 0 : /^m/.test(unit) ? n : n * 12;
    if (months < 12) out.push("age_0");
    else if (months < 36) out.push("age_1_2");
  }
  for (const [, value] of clause.matchAll(OXYGEN)) {
    const v = Number(value);
    if (v >= 50 && v <= 92) out.push("low_oxygen");
  }
  return out;
};
var HAS_UNIT = /[\s\d](?:min|hour|hr|day|night|week|wk|month|year|yr)/;
var TWO_DIGITS = /\d\d/;
var durationIn = (clause) => {
  let best;
  if (!HAS_UNIT.test(clause)) return best;
  for (const [, figure, word, unit] of clause.matchAll(DURATION)) {
    const hours = (figure === void 0 ? NUMBER[word] : Number(figure)) * UNIT_HOURS[/^m[io]/.test(unit) ? unit.slice(0, 2) : unit[0]];
    if (!(hours <= (best ?? 0))) best = hours;
  }
  return best;
};
var temperatures = (clause) => {
  const out = [];
  if (!TWO_DIGITS.test(clause)) return out;
  for (const [, word, raw, degrees, unit] of clause.matchAll(TEMPERATURE)) {
    if (!word && !degrees && !unit) continue;
    const v = Number(raw.replace(",", "."));
    const c = unit?.[0] === "f" || !unit && v >= 90 ? (v - 32) * 5 / 9 : v;
    if (c >= 38 && c <= 45) out.push("fever");
    if (c >= 39 && c <= 45) out.push("high_fever");
    if (c >= 25 && c < 35) out.push("hypothermia");
    if (c >= 35 && c < 38) out.push("normal_temperature");
  }
  return out;
};
var isNegated = (raw, i, firstTime) => {
  for (let k = i - 1, n = 0; k >= 0 && n < 3; k--) {
    const w = raw[k];
    if (NEG_STOP.has(w)) return false;
    if (NEGATORS.has(w)) return !PSEUDO.has(raw[k + 1] ?? "") && !(firstTime && (w === "never" || raw[k + 1] === "used"));
    if (!FILLER.has(w) && !NEG_THROUGH.has(w) && w !== "or") n++;
  }
  return false;
};
var longest = (raw, tok, more, i, start, first) => {
  let best;
  const walk = (node, j, skips, exact, arrived, taken) => {
    const p = node.phrase;
    if (arrived && p && (exact || p.w.length === 1) && (!best || j > best.end || j === best.end && (p.w.length > best.phrase.w.length || p.w.length === best.phrase.w.length && p.order < best.phrase.order))) best = { phrase: p, end: j };
    if (j >= tok.length) return;
    let children = 0;
    for (let a = -1, n = more?.[j]?.length ?? 0; a < n; a++) {
      const w = a < 0 ? tok[j] : more[j][a];
      const child = taken.includes(w) ? void 0 : node.next.get(w);
      if (!child) continue;
      children++;
      walk(child, j + 1, skips, exact || raw[j] === w, true, NO_WORDS);
    }
    const others = node.next.size - taken.length - children;
    if (others > 0 && skips < 6 && FILLER.has(raw[j])) walk(node, j + 1, skips + 1, exact, false, children ? [...taken, raw[j]] : taken);
  };
  walk(start, i + 1, 0, raw[i] === first, true, NO_WORDS);
  return best;
};
var NO_WORDS = [];
var CLAUSES = /(?<!\d)[.,]|[.,](?!\d)|[;!?\n:()[\]]|\b(?:but|however|although|though|except|whereas|yet)\b/i;
var CLAUSES_KEPT = new RegExp(`(${CLAUSES.source})`, "i");
var LIST_CLOSE = /\b(?:or|nor)\b/;
var LIST_ITEM_WORDS = 5;
var listNegated = (parts) => {
  const out = /* @__PURE__ */ new Set();
  for (let k = 0; k < parts.length; k += 2) {
    const first = words(parts[k].toLowerCase().replace(/['’]/g, "")).find((w) => !FILLER.has(w));
    if (!first || !NEGATORS.has(fold(first))) continue;
    const items = [];
    for (let j = k + 2; j < parts.length && parts[j - 1] === ","; j += 2) {
      const clause = parts[j].toLowerCase();
      if (words(clause.replace(/[^a-z0-9 ]/g, " ")).filter((w) => !FILLER.has(w)).length > LIST_ITEM_WORDS) break;
      items.push(j);
      if (LIST_CLOSE.test(clause)) {
        for (const i of items) out.add(i);
        break;
      }
    }
  }
  return out;
};
var within = (raw, from, to, set2) => {
  for (let k = Math.max(0, from); k < Math.min(raw.length, to); k++) if (set2.has(raw[k])) return true;
  return false;
};
var scan = (text, keep = () => true) => {
  const out = [];
  const parts = text.split(CLAUSES_KEPT);
  const negatedItems = parts.length > 2 && LIST_CLOSE.test(text) ? listNegated(parts) : void 0;
  for (let k = 0; k < parts.length; k += 2) {
    const clause = parts[k];
    if (!clause?.trim()) continue;
    const lower = clause.toLowerCase();
    const hours = durationIn(lower);
    const raw = tokenize(lower);
    markCounts(raw);
    const tok = new Array(raw.length);
    let more;
    for (let j = 0; j < raw.length; j++) {
      const c = candidates(raw[j]);
      tok[j] = c.length ? c[0] : raw[j];
      if (c.length > 1) (more ??= [])[j] = c.slice(1);
    }
    const sudden = raw.some((w) => SUDDEN.has(w));
    const firstTime = /\b(?:before|like this|this bad|used to)\b/.test(lower);
    const longAgo = /\b(?:years?|months?) ago\b|\blast year\b/.test(lower);
    const severeClause = /\b(?:[89]|10)\s*(?:\/|out of)\s*10\b/.test(lower);
    const push = (concept, severe) => !isCue(concept) && keep(concept) && out.push({ concept, severe, sudden, ...hours === void 0 ? {} : { hours } });
    const readTemperatures = temperatures(lower);
    const normalTemperature = readTemperatures.includes("normal_temperature") && !readTemperatures.includes("fever");
    for (const concept of readTemperatures) if (concept !== "normal_temperature") push(concept, false);
    for (const concept of sugars(lower)) push(concept, false);
    for (const concept of readings(lower)) push(concept, false);
    if (negatedItems?.has(k)) continue;
    const hits = [];
    for (let i = 0; i < tok.length; ) {
      let hit;
      for (let a = -1, n = more?.[i]?.length ?? 0; a < n; a++) {
        const w = a < 0 ? tok[i] : more[i][a];
        const start = ROOT.next.get(w);
        const found2 = start && longest(raw, tok, more, i, start, w);
        if (found2 && (!hit || found2.end > hit.end || found2.end === hit.end && found2.phrase.w.length > hit.phrase.w.length)) hit = found2;
      }
      if (!hit) {
        i++;
        continue;
      }
      const { phrase: found, end } = hit;
      const negated = isNegated(raw, i, firstTime);
      const historical = longAgo || within(raw, i - 4, i, HISTORY);
      const severe = severeClause || within(raw, i - 3, end + 3, SEVERE);
      for (const concept of found.concepts)
        if (!negated && !(historical && HISTORICAL.has(concept)) && !(normalTemperature && concept === "fever")) {
          push(concept, severe);
          hits.push({ concept, start: i, end, severe });
        }
      i = end;
    }
    for (const { concept, severe } of combine(raw, hits)) push(concept, severe);
  }
  return out;
};

// shared/triage/rules/engine.ts
var { FAMILIES, RULES, LONG_STANDING_EXPECTED } = TABLES;
var EXPECTED_LONG = new Set(LONG_STANDING_EXPECTED);
var LEVEL = { A: "emergency_ambulance", E: "emergency", U: "consultation_24", C: "consultation", S: "self_care" };
var SAY = TABLES.GENERAL_ADVICE;
var GENERIC_QUESTIONS = SAY.questions.split(";");
var GENERIC_SELF_CARE = SAY.self_care_list.split(";");
var GENERIC_WATCH = SAY.watch_for;
var CONTEXT_NAMES = { age_0: "infant", age_1_2: "toddler", under_5: "young_child", under_16: "child", age_50: "over_50", age_65: "older_adult" };
var QUALIFIER_NAMES = { "!": "_severe", "^": "_sudden", "?": "_mild", "~": "_persistent", ">": "_over_" };
var derivedId = (terms) => terms.filter((t2) => !t2.neg).map(({ alts: [a] }) => (CONTEXT_NAMES[a.c] ?? a.c.replace(/^c_/, "")) + (QUALIFIER_NAMES[a.q] ?? "") + (a.q === ">" ? `${a.h}h` : "")).map((name, i) => i === 0 ? name : i === 1 ? `_with_${name}` : `_and_${name}`).join("");
var PARSED = Object.entries(RULES).flatMap(
  ([family, lines]) => lines.map((line) => {
    const parts = line.split(" ");
    const [level = "", expr = ""] = parts.slice(-2);
    const terms = expr.split("&").map((t2) => ({
      neg: t2[0] === "-",
      alts: t2.replace(/^-/, "").split("|").map((a) => {
        const [, c = a, q = ""] = /^(\w+)(.*)$/.exec(a) ?? [];
        return { c, q: q[0] ?? "", h: Number(q.slice(1)) };
      })
    }));
    return { id: parts.length > 2 ? parts[0] : derivedId(terms), level: LEVEL[level[0]], infection: level.endsWith("+"), family, terms };
  })
);
var RULE_IDS = PARSED.map((r) => r.id);
var add = (f, concept, m = {}) => {
  const x = f.get(concept) ?? { severe: false, sudden: false, hours: 0, severity: 0, shortest: Infinity };
  x.severe ||= !!m.severe || (m.severity ?? 0) >= 8;
  x.sudden ||= !!m.sudden;
  x.hours = Math.max(x.hours, m.duration ?? m.hours ?? 0);
  if (m.severity) {
    x.severity = Math.max(x.severity, m.severity);
    x.shortest = Math.min(x.shortest, m.duration ?? 0);
  }
  f.set(concept, x);
};
var holds = (f, a) => {
  const x = f.get(a.c);
  if (!x) return false;
  const mild = x.severity > 0 && !x.severe;
  switch (a.q) {
    case "!":
      return x.severe;
    case "^":
      return x.sudden;
    case "?":
      return mild && x.severity <= 3;
    case "~":
      return mild && x.severity <= 4 && x.shortest >= 168 && !x.sudden;
    case ">":
      return x.hours >= a.h;
    default:
      return true;
  }
};
var addContext = (f, context) => {
  const { age, pregnant, sex } = context;
  if (age !== void 0) {
    if (age === 0) add(f, "age_0");
    if (age === 1 || age === 2) add(f, "age_1_2");
    if (age < 5) add(f, "under_5");
    if (age < 16) add(f, "under_16");
    if (age >= 50) add(f, "age_50");
    if (age >= 65) add(f, "age_65");
  }
  if (pregnant) add(f, "pregnancy");
  if (sex === "male") add(f, "male");
  if (sex === "female") add(f, "female");
  if (f.has("age_0") || f.has("age_1_2")) add(f, "under_5");
  if (f.has("under_5")) add(f, "under_16");
};
var TRIGGERS = /* @__PURE__ */ new Map();
var ALWAYS = [];
PARSED.forEach((r, i) => {
  const first = r.terms.find((t2) => !t2.neg);
  if (!first) ALWAYS.push(i);
  for (const { c } of first?.alts ?? []) {
    const list = TRIGGERS.get(c);
    if (!list) TRIGGERS.set(c, [i]);
    else if (list.at(-1) !== i) list.push(i);
  }
});
var candidate = new Uint8Array(PARSED.length);
var NONE = [];
var evaluate = (f) => {
  const vulnerable = f.has("age_65") || f.has("c_immunosuppressed");
  for (const c of f.keys()) for (const i of TRIGGERS.get(c) ?? NONE) candidate[i] = 1;
  for (const i of ALWAYS) candidate[i] = 1;
  const fired = [];
  for (let i = 0; i < PARSED.length; i++) {
    if (!candidate[i]) continue;
    candidate[i] = 0;
    const r = PARSED[i];
    const concepts = [];
    let ok = true;
    for (const t2 of r.terms) {
      const hit = t2.alts.find((a) => holds(f, a));
      if (hit && !t2.neg) concepts.push(hit.c);
      if (t2.neg === !!hit) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const raise = r.infection && vulnerable;
    fired.push({ id: r.id, level: raise ? raiseOneStep(r.level) : r.level, family: r.family, concepts });
    if (raise) fired.push({ id: "raised_for_age_or_weak_immunity", level: "self_care", family: "general", concepts: [] });
  }
  return fired;
};
var isCondition = (c) => c.startsWith("c_") || c === "pregnancy";
var LONG_STANDING_HOURS = 672;
var readInput = (f, input2) => {
  let unrecognised = 0;
  let longStanding = false;
  for (const s of input2.symptoms) {
    const mentions = scan(s.name);
    if (/^\s*fits?\s*$/i.test(s.name)) mentions.push({ concept: "seizure", severe: false, sudden: false });
    const found = mentions.filter((m) => m.concept !== "benign_context");
    if (found.length === 0) unrecognised++;
    const expected = found.length > 0 && found.every((m) => EXPECTED_LONG.has(m.concept)) && s.severity < 8 && s.onset !== "sudden";
    if ((s.durationHours ?? 0) >= LONG_STANDING_HOURS && !expected) longStanding = true;
    for (const m of mentions) add(f, m.concept, { ...m, sudden: m.sudden || s.onset === "sudden", severity: s.severity, duration: s.durationHours });
  }
  for (const m of scan(input2.freeText ?? "")) add(f, m.concept, m);
  for (const c of input2.conditions ?? []) for (const m of scan(c, isCondition)) add(f, m.concept);
  const fever = f.get("fever");
  if (fever && fever.severity >= 7) add(f, "high_fever", { ...fever, duration: fever.hours });
  addContext(f, input2);
  return { unrecognised, longStanding };
};
var split = (list) => list ? list.split(";") : [];
var ADVICE_OF = new Map(
  Object.entries(FAMILIES).map(([family, text]) => {
    const f = text.split("|");
    return [family, { f, l: Array.from({ length: 8 }, (_, k) => split(f[k])) }];
  })
);
var advice = (family) => ADVICE_OF.get(family) ?? ADVICE_OF.get("general");
var fields = (family) => advice(family).f;
var union = (lists, cap) => {
  const out = /* @__PURE__ */ new Set();
  for (const list of lists)
    for (const item of list) {
      if (out.size === cap) return [...out];
      out.add(item);
    }
  return [...out];
};
var byUrgency = (a, b) => urgencyRank(a.level) - urgencyRank(b.level);
var CONTEXT_ONLY = /* @__PURE__ */ new Set(["under_5", "under_16", "male", "female"]);
var named = (c) => !c.startsWith("c_") && !c.startsWith("age_") && !CONTEXT_ONLY.has(c);
var listOf = (items) => items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
var emergencyAdviceFor = (level, families) => {
  if (!isEmergency(level)) return void 0;
  const extras = families.map(fields).filter((x) => x[6]);
  const crisis = extras.filter((x) => x[7]?.includes("c")).map((x) => x[6]);
  const others = extras.filter((x) => !x[7]?.includes("c")).map((x) => x[6]).slice(0, 2);
  const advice2 = level === "emergency" ? [...crisis, SAY[level], ...others] : [SAY[level], ...others, ...crisis];
  return [...new Set(advice2)].join(" ");
};
var assess = (input2) => {
  const f = /* @__PURE__ */ new Map();
  const { unrecognised, longStanding } = readInput(f, input2);
  const fired = evaluate(f);
  const specific = fired.some((r) => r.concepts.length > 0);
  const floor = (id, level2, when) => when && fired.push({ id, level: level2, family: "general", concepts: [] });
  floor("sudden_very_severe_symptom", "consultation_24", input2.symptoms.some((s) => s.severity >= 9 && s.onset === "sudden"));
  floor("very_severe_symptom", "consultation", input2.symptoms.some((s) => s.severity >= 8));
  floor("symptom_over_4_weeks", "consultation", longStanding);
  floor("unrecognised_symptom", "consultation", unrecognised > 0);
  if (fired.length === 0) floor("no_specific_rule", "consultation", true);
  fired.sort(byUrgency);
  const level = fired.reduce((l, r) => moreUrgent(l, r.level), "self_care");
  const emergency = isEmergency(level);
  const top = fired.filter((r) => r.level === level && r.concepts.length > 0);
  const families = [...new Set([...top, ...fired].filter((r) => r.concepts.length > 0 && (!emergency || isEmergency(r.level))).map((r) => r.family))];
  const all = (families.length ? families : ["general"]).map(advice);
  const main = all[0].f;
  const findings = [...new Set(top.flatMap((r) => r.concepts).filter(named))].slice(0, 4).map((c) => c.replaceAll("_", " "));
  const lead = findings.length ? `${listOf(findings)}: ${main[0]}.` : SAY.nothing_recognised;
  const summary = lead[0].toUpperCase() + lead.slice(1) + (emergency ? "" : ` ${SAY[level]}`);
  const teleBlocked = level === "consultation_24" && top.some((r) => fields(r.family)[7]?.includes("t"));
  const emergencyAdvice = emergencyAdviceFor(level, families);
  return {
    level,
    confidence: !specific ? 0.4 : emergency ? 0.9 : unrecognised > 0 ? 0.5 : level === "consultation_24" ? 0.75 : 0.65,
    summary,
    possibleConditions: union(all.map((x) => x.l[1]), 5),
    followUpQuestions: emergency ? [] : union([...all.map((x) => x.l[2]), GENERIC_QUESTIONS], 4),
    selfCare: urgencyRank(level) >= urgencyRank("consultation") ? union([...all.map((x) => x.l[3]), GENERIC_SELF_CARE], 5) : [],
    watchFor: union([...all.map((x) => x.l[4]), emergency ? [] : [GENERIC_WATCH]], 5),
    ...emergency ? {} : { specialist: main[5] || "general practice" },
    teleconsultationOk: !emergency && !teleBlocked,
    rulesFired: [...new Set(fired.map((r) => r.id))],
    ...emergencyAdvice ? { emergencyAdvice } : {}
  };
};
function assessWithRules(input2) {
  try {
    return assess(input2);
  } catch {
    return {
      level: "consultation_24",
      confidence: 0.2,
      summary: SAY.fail_safe,
      possibleConditions: [],
      followUpQuestions: [],
      selfCare: [],
      watchFor: [GENERIC_WATCH],
      specialist: "general practice",
      teleconsultationOk: true,
      rulesFired: ["engine_fail_safe"]
    };
  }
}

// prof.tmp.ts
var input = {
  symptoms: [{ name: "sore throat", severity: 4, durationHours: 30 }, { name: "fever", severity: 5, durationHours: 24 }, { name: "headache", severity: 3, durationHours: 20 }],
  freeText: "Started yesterday evening, feel tired and achy, paracetamol helped a little. No rash, no stiff neck.",
  age: 34,
  sex: "female",
  conditions: ["asthma"]
};
for (let i = 0; i < 2e4; i++) assessWithRules(input);
var t = process.hrtime.bigint();
var N = 5e4;
for (let i = 0; i < N; i++) assessWithRules(input);
console.log("\xB5s per assess", Number(process.hrtime.bigint() - t) / 1e3 / N);
