package dev.accord.maven.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BaselineSpecTest {

    @Test
    void parsesEveryForm() {
        List<BaselineSpec> specs = BaselineSpec.parseList(" registry, git:origin/main ,artifact:previous,"
                + "artifact:com.acme:orders:1.2.0,directory:src/test/baseline,dir:x,");
        assertEquals(List.of(new BaselineSpec(BaselineSpec.Kind.REGISTRY, null),
                new BaselineSpec(BaselineSpec.Kind.GIT, "origin/main"),
                new BaselineSpec(BaselineSpec.Kind.ARTIFACT, "previous"),
                new BaselineSpec(BaselineSpec.Kind.ARTIFACT, "com.acme:orders:1.2.0"),
                new BaselineSpec(BaselineSpec.Kind.DIRECTORY, "src/test/baseline"),
                new BaselineSpec(BaselineSpec.Kind.DIRECTORY, "x")), specs);
        assertFalse(specs.get(0).offline());
        assertEquals("git:origin/main", specs.get(1).toString());
        assertEquals(List.of(), BaselineSpec.parseList(null));
    }

    @Test
    void rejectsUnknownForms() {
        assertThrows(IllegalArgumentException.class, () -> BaselineSpec.parse("svn:trunk"));
        assertThrows(IllegalArgumentException.class, () -> BaselineSpec.parse("git:"));
        assertThrows(IllegalArgumentException.class, () -> BaselineSpec.parse("main"));
    }
}
