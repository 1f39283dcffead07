package org.ringlet.tools.cqlsh;

import java.util.Map;
import java.util.concurrent.CompletionException;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.servererrors.AlreadyExistsException;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.InvalidConfigurationInQueryException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorMessagesTest {

    @Test
    void invalidRequestsCarryTheServerSummary() {
        assertEquals("InvalidRequest: Error from server: code=2200 [Invalid query] message=\"unconfigured table nosuch\"",
                ErrorMessages.describe(new InvalidQueryException(null, "unconfigured table nosuch")));
        assertEquals("Unauthorized: Error from server: code=2100 [Unauthorized] message=\"no\"",
                ErrorMessages.describe(new UnauthorizedException(null, "no")));
    }

    @Test
    void syntaxAndConfigurationErrorsShowTheBareMessage() {
        assertEquals("SyntaxException: line 1:0 no viable alternative at input 'selec' ([selec]...)",
                ErrorMessages.describe(new SyntaxError(null, "line 1:0 no viable alternative at input 'selec' ([selec]...)")));
        assertEquals("ConfigurationException: Unrecognized strategy option {foo}",
                ErrorMessages.describe(new InvalidConfigurationInQueryException(null,
                        "Unrecognized strategy option {foo}")));
    }

    @Test
    void alreadyExistsIsReworded() {
        assertEquals("AlreadyExists: Keyspace 'ks' already exists",
                ErrorMessages.describe(new AlreadyExistsException(null, "ks", "")));
        assertEquals("AlreadyExists: Table 'ks.t' already exists",
                ErrorMessages.describe(new AlreadyExistsException(null, "ks", "t")));
    }

    @Test
    void unavailableAndTimeoutsPrintTheirDetailsAsPythonDicts() {
        assertEquals("Unavailable: Error from server: code=1000 [Unavailable exception] message=\"Cannot achieve "
                + "consistency level QUORUM\" info={'consistency': 'QUORUM', 'required_replicas': 2, 'alive_replicas': 1}",
                ErrorMessages.describe(new UnavailableException(null, DefaultConsistencyLevel.QUORUM, 2, 1)));
        assertEquals("WriteTimeout: Error from server: code=1100 [Coordinator node timed out waiting for replica "
                + "nodes' responses] message=\"Operation timed out - received only 0 responses.\" info={'consistency': "
                + "'ONE', 'required_responses': 1, 'received_responses': 0, 'write_type': 'SIMPLE'}",
                ErrorMessages.describe(new WriteTimeoutException(null, DefaultConsistencyLevel.ONE, 0, 1,
                        DefaultWriteType.SIMPLE)));
        assertEquals("ReadTimeout: Error from server: code=1200 [Coordinator node timed out waiting for replica "
                + "nodes' responses] message=\"Operation timed out - received only 1 responses.\" info={'consistency': "
                + "'ALL', 'required_responses': 3, 'received_responses': 1}",
                ErrorMessages.describe(new ReadTimeoutException(null, DefaultConsistencyLevel.ALL, 1, 3, false)));
    }

    @Test
    void wrappedErrorsAreUnwrapped() {
        assertEquals("InvalidRequest: Error from server: code=2200 [Invalid query] message=\"x\"",
                ErrorMessages.describe(new CompletionException(new InvalidQueryException(null, "x"))));
    }

    @Test
    void pythonReprOfStringsAndDicts() {
        assertEquals("'a'", ErrorMessages.pyString("a"));
        assertEquals("\"it's\"", ErrorMessages.pyString("it's"));
        assertEquals("'say \"it\\'s\"'", ErrorMessages.pyString("say \"it's\""));
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("a", 1);
        info.put("b", true);
        info.put("c", null);
        assertEquals("{'a': 1, 'b': True, 'c': None}", ErrorMessages.pyRepr(info));
    }
}
