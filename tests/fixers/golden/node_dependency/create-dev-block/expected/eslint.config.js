import importPlugin from 'eslint-plugin-import';
