#!/usr/bin/env node
// Derives the hub's common-password list (hub-ejb/src/main/resources/people/common-passwords.txt)
// from zxcvbn 4.4.2 (npm, MIT, (c) 2012-2016 Dan Wheeler and Dropbox, Inc.): its 30,000 most common
// passwords, one per line, in zxcvbn's order, unmodified. Usage:
//   npm pack zxcvbn@4.4.2 && tar xzf zxcvbn-4.4.2.tgz
//   node tools/common-passwords.js package/lib/frequency_lists.js > hub-ejb/src/main/resources/people/common-passwords.txt
const lists = require(require("path").resolve(process.argv[2]));
process.stdout.write(lists.passwords.join("\n") + "\n");
