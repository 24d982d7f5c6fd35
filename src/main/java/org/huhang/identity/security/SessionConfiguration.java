package org.huhang.identity.security;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a logged-in request costs for its session (issue 13): one SELECT, no write unless something
 * changed ({@link LeanSessionRepository}), and the security context read from its bytes once per
 * version rather than deserialized on every request ({@link SecurityContexts}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  /**
   * Spring Session's own JDBC repository, seen by the filter and by the user service through ours.
   */
  @Bean
  static BeanPostProcessor leanSessionRepository() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JdbcIndexedSessionRepository jdbc
            ? new LeanSessionRepository(jdbc)
            : bean;
      }
    };
  }

  /** Spring Session's default (a new transaction per write), except for lookups. */
  @Bean
  TransactionOperations springSessionTransactionOperations(PlatformTransactionManager manager) {
    TransactionTemplate template = new TransactionTemplate(manager);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return LeanSessionRepository.transactions(template);
  }

  /**
   * The application's transaction template, the one Spring Boot makes when no other {@link
   * TransactionOperations} exists (the sessions' own above made it step back).
   */
  @Bean
  @Primary
  TransactionTemplate transactionTemplate(PlatformTransactionManager manager) {
    return new TransactionTemplate(manager);
  }

  /** Spring Session's default (Java serialization both ways), with the security contexts kept. */
  @Bean
  ConversionService springSessionConversionService() {
    ClassLoader loader = SessionConfiguration.class.getClassLoader();
    GenericConversionService conversion = new GenericConversionService();
    conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
    conversion.addConverter(
        byte[].class, Object.class, new SecurityContexts(new DeserializingConverter(loader)));
    return conversion;
  }

  /**
   * Session attributes from their bytes. A security context (the same bytes on every request of a
   * session until the next login) is deserialized once and then handed out as a new context holding
   * the same authentication, so a request that clears its context (a logout) changes no other
   * request's. Other attributes (saved requests, flash messages) are mutable and always read anew.
   * The cache holds at most {@link #MAX} contexts and starts over when full.
   */
  static final class SecurityContexts implements Converter<byte[], Object> {

    static final int MAX = 5_000;

    private final Converter<byte[], Object> deserializer;
    private final ConcurrentHashMap<Bytes, SecurityContext> known = new ConcurrentHashMap<>();

    SecurityContexts(Converter<byte[], Object> deserializer) {
      this.deserializer = deserializer;
    }

    @Override
    public Object convert(byte[] source) {
      SecurityContext context = known.get(new Bytes(source, false));
      if (context != null) {
        return new SecurityContextImpl(context.getAuthentication());
      }
      Object value = deserializer.convert(source);
      if (value != null && value.getClass() == SecurityContextImpl.class) {
        if (known.size() >= MAX) {
          known.clear();
        }
        known.put(
            new Bytes(source, true),
            new SecurityContextImpl(((SecurityContext) value).getAuthentication()));
      }
      return value;
    }

    int size() {
      return known.size();
    }

    /** A byte array compared by its content; a key kept is a copy (the caller's may be reused). */
    private static final class Bytes {
      private final byte[] bytes;
      private final int hash;

      Bytes(byte[] bytes, boolean copy) {
        this.bytes = copy ? bytes.clone() : bytes;
        this.hash = Arrays.hashCode(bytes);
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Bytes b && b.hash == hash && Arrays.equals(b.bytes, bytes);
      }

      @Override
      public int hashCode() {
        return hash;
      }
    }
  }
}
