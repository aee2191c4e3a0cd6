/** REST resources of the case exchange and the inbox (thin: parse, authorise, delegate). */
package org.electionpool.hub.web.cases;
