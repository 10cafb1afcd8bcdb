const fp = require('lodash/fp');
