export * from './fields';
export * from './row';
export * from './assumptions';
export * from './period';
export * from './interaction';
export * from './scenario';
export * from './report';
export * from './trends';
