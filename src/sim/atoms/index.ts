export * from './apply-requirements.js';
export * from './atom-registry.js';
export * from './atom-requirement.js';
export * from './style-atom.js';
export * from './unwanted-atoms.js';
