/** Base of the vault's errors: a sealed field could not be sealed or opened. */
export class VaultError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'VaultError';
  }
}

/** The ciphertext was altered, or belongs to another field, record, user or key version. */
export class CiphertextIntegrityError extends VaultError {
  public constructor() {
    super('Sealed field failed its integrity check: altered, or moved from another field, record or user');
    this.name = 'CiphertextIntegrityError';
  }
}

/** Not a sealed field of a format this code knows. */
export class SealedFormatError extends VaultError {
  public constructor() {
    super('Not a sealed field in a known format');
    this.name = 'SealedFormatError';
  }
}

/** The user's data key was destroyed (the account was deleted): their PHI is gone for good. */
export class DataKeyDestroyedError extends VaultError {
  public constructor() {
    super('The data key of this user was destroyed');
    this.name = 'DataKeyDestroyedError';
  }
}

/** The user has a data key, but not the version a sealed field names: the store is inconsistent. */
export class DataKeyMissingError extends VaultError {
  public constructor() {
    super('No data key for this user and version');
    this.name = 'DataKeyMissingError';
  }
}

/**
 * The user has no data key at all: an account this deployment never provisioned (e.g. a valid token
 * from a trusted external issuer for someone who never registered here). For a caller that is "not
 * found", never a 500.
 */
export class UnknownDataSubjectError extends VaultError {
  public constructor() {
    super('No data key was ever made for this user');
    this.name = 'UnknownDataSubjectError';
  }
}
