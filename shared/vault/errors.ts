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

/** The user has no data key (or not this version). */
export class DataKeyMissingError extends VaultError {
  public constructor() {
    super('No data key for this user and version');
    this.name = 'DataKeyMissingError';
  }
}
